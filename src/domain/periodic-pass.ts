/** Work that runs every interval, one pass at a time, and can be stopped cleanly. */
export interface PeriodicPass {
  /** A pass now, then one every interval. */
  start(): void;
  /** No new passes; waits for the one in flight. */
  stop(): Promise<void>;
  /** A pass now, or the one in flight (see `runAgainIfBusy`). */
  run(): Promise<void>;
  /** True once stop() was called: a long pass checks it to end early. */
  readonly stopped: boolean;
}

export interface PeriodicPassOptions {
  intervalMs: number;
  /** A failed pass is reported here; the next tick tries again. */
  onError(error: unknown): void;
  /**
   * When run() is called during a pass, run another one after it: for work
   * written just after the pass looked (a new report), not for work that only
   * becomes due with time.
   */
  runAgainIfBusy?: boolean;
}

/** Single-flight: never two passes at once, so one process never claims its own work twice. */
export function createPeriodicPass(pass: () => Promise<void>, options: PeriodicPassOptions): PeriodicPass {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  function run(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      again ||= options.runAgainIfBusy === true;
      return running;
    }
    running = pass()
      .catch(options.onError)
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          void run();
        }
      });
    return running;
  }

  return {
    start() {
      timer = setInterval(() => void run(), options.intervalMs);
      void run();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
    run,
    get stopped() {
      return stopped;
    },
  };
}
