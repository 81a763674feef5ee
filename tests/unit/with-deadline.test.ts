import { withDeadline } from '../../src/domain/with-deadline';

describe('withDeadline', () => {
  afterEach(() => jest.useRealTimers());

  it('gives the value of work that ends in time and leaves no timer behind', async () => {
    jest.useFakeTimers();
    await expect(withDeadline(1000, async () => 'done')).resolves.toBe('done');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('gives the failure of work that fails in time, and clears its timer', async () => {
    jest.useFakeTimers();
    await expect(withDeadline(1000, () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('fails with TimeoutError at the deadline, even when the work ignores its signal, and aborts that signal', async () => {
    jest.useFakeTimers();
    let given: AbortSignal | undefined;
    const outcome = withDeadline(1000, (signal) => {
      given = signal;
      return new Promise<never>(() => {});
    });
    const settled = expect(outcome).rejects.toMatchObject({ name: 'TimeoutError' });
    await jest.advanceTimersByTimeAsync(1000);
    await settled;
    expect(given?.aborted).toBe(true);
    expect((given?.reason as Error).name).toBe('TimeoutError');
  });
});
