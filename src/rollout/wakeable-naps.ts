/** Pauses that wake() ends early, so stop() and new work never wait one out. */
export interface WakeableNaps {
  /** Resolves after `ms`, or at the next wake(), whichever comes first. */
  nap(ms: number): Promise<void>;
  /** Ends every nap going on now. */
  wake(): void;
  /** True, once, after a wake() that no nap took (with `remember` only). */
  wokenMeanwhile(): boolean;
}

/**
 * With `remember`, a wake() while nobody naps also ends the next nap at once: for a
 * waiter that must not miss a wake that comes while it is busy (the run looking
 * for tenants when a tenant's loop ends or drain() is called). Without it, a wake
 * only cuts short the naps going on now.
 */
export function createWakeableNaps(remember = false): WakeableNaps {
  const sleepers = new Set<() => void>();
  let rang = false;
  const wokenMeanwhile = () => {
    const was = rang;
    rang = false;
    return was;
  };
  return {
    nap: (ms) =>
      wokenMeanwhile()
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            const done = () => (clearTimeout(timer), sleepers.delete(done), resolve());
            const timer = setTimeout(done, ms);
            sleepers.add(done);
          }),
    wake() {
      if (remember && sleepers.size === 0) rang = true;
      [...sleepers].forEach((done) => done());
    },
    wokenMeanwhile,
  };
}
