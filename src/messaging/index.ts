export { type Handlers, handleMessages, type Sender, sendToBackground, sendToTab } from './channel';
export {
  type FrameTermCount,
  type MessageType,
  type PageInfo,
  parseRequest,
  parseResponse,
  type Request,
  type Response,
  type TermCount,
} from './protocol';
