import { startSiteCommand, startTabTracking } from '@/src/toolbar';

export default defineBackground(() => {
  startTabTracking();
  startSiteCommand();
});
