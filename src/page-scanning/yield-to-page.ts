/**
 * Hands the main thread back to the page between slices of work, so that Glossa never makes a long
 * task. `scheduler.yield()` (Chrome 129+) resumes ahead of other queued tasks; elsewhere a message
 * round trip does the same without setTimeout's 4 ms clamp on nested timers.
 */
interface SchedulerWithYield {
  yield(): Promise<void>;
}

export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<SchedulerWithYield> }).scheduler;
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
