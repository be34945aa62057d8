export { handleMessages, type Sender, sendToBackground, sendToTab } from './channel';
export {
  type FrameTermCount,
  type PageInfo,
  parseRequest,
  parseResponse,
  type Request,
  type TermCount,
} from './protocol';
