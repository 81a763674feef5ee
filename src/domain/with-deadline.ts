/**
 * Runs `work` with a signal that aborts after `timeoutMs`, and settles by then
 * whatever the work is still waiting for. The Bot Framework and Graph clients
 * honour a signal for their HTTP request, but not always for the token they
 * fetch first (botframework-connector asks MSAL or @azure/identity for it
 * without one; @azure/identity's client-secret credential gets one and keeps
 * waiting), so a hung token endpoint would otherwise hold the caller far past
 * its timeout, and past the leases that assume a send ends within it.
 * The work is left to finish in the background with the aborted signal: when
 * the token does arrive, the client refuses to start a request on an aborted
 * signal, so no request is started late (one already under way when the
 * deadline passes is aborted, though the server may have taken it). The
 * timer is cleared as soon as the work settles, so no timer outlives it.
 */
export function withDeadline<T>(timeoutMs: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      // The same error AbortSignal.timeout gives, so callers see one name for "too slow".
      const reason = new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError');
      controller.abort(reason);
      reject(reason);
    }, timeoutMs);
    // Like AbortSignal.timeout's: a hung token fetch must not keep a stopping process alive.
    timer.unref();
    Promise.resolve()
      .then(() => work(controller.signal))
      .then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        // Also reached when abandoned work fails after the deadline: the promise has settled, so nothing changes.
        (error: unknown) => {
          clearTimeout(timer);
          reject(error);
        },
      );
  });
}
