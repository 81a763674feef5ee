import { createClientCache } from '../../src/teams/client-cache';

describe('the Bot Framework client cache', () => {
  it('makes a client once per key', async () => {
    const cache = createClientCache<object>();
    let made = 0;
    const make = async () => ({ n: ++made });
    const first = await cache('a', make);
    expect(await cache('a', make)).toBe(first);
    expect(await cache('b', make)).not.toBe(first);
    expect(made).toBe(2);
  });

  it('forgets a failed creation, so the next turn tries again', async () => {
    const cache = createClientCache<string>();
    await expect(cache('a', () => Promise.reject(new Error('no token')))).rejects.toThrow('no token');
    await expect(cache('a', async () => 'client')).resolves.toBe('client');
  });

  it('keeps at most 64 clients, forgetting the oldest', async () => {
    const cache = createClientCache<number>();
    let made = 0;
    const make = async () => ++made;
    for (let i = 0; i <= 64; i++) await cache(`url-${i}`, make);
    expect(made).toBe(65);
    await cache('url-64', make);
    expect(made).toBe(65);
    await cache('url-0', make);
    expect(made).toBe(66);
  });
});
