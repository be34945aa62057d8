/**
 * Hands the main thread back to the page between slices of work, so that Glossa never makes a long
 * task. `scheduler.yield()` (Chrome 129+) resumes ahead of other queued tasks; elsewhere a message
 * round trip does the same without setTimeout's 4 ms clamp on nested timers.
 *
 * In the background (the rest of a long page, once the first slice has marked what the reader sees):
 * `scheduler.postTask` at background priority, which waits for the page's own work; but never more
 * than BACKGROUND_WAIT_MS, so that a page that is never idle still gets scanned.
 */
interface Scheduler {
  yield(): Promise<void>;
  postTask(task: () => void, options: { priority: 'background' }): Promise<void>;
}

const BACKGROUND_WAIT_MS = 100;

export function yieldToPage(priority: 'next' | 'background' = 'next'): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (priority === 'background' && typeof scheduler?.postTask === 'function') {
    const postTask = scheduler.postTask.bind(scheduler);
    return new Promise((resolve) => {
      let done = false;
      const go = () => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(go, BACKGROUND_WAIT_MS);
      postTask(go, { priority: 'background' }).catch(go);
    });
  }
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
