/** Service URLs are a handful per cloud; the bound only matters if something sends many made-up ones. */
const MAX_CLIENTS = 64;

export type ClientCache<T> = (key: string, create: () => Promise<T>) => Promise<T>;

/**
 * Bot Framework clients by key, made once: an insertion-ordered cache that
 * forgets its oldest entry when full, and a failed creation at once so the
 * next call tries again.
 */
export function createClientCache<T>(): ClientCache<T> {
  const entries = new Map<string, Promise<T>>();
  return (key, create) => {
    const cached = entries.get(key);
    if (cached) return cached;
    if (entries.size >= MAX_CLIENTS) entries.delete(entries.keys().next().value as string);
    const created = create();
    entries.set(key, created);
    created.catch(() => {
      if (entries.get(key) === created) entries.delete(key);
    });
    return created;
  };
}
