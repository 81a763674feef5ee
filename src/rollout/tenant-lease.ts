import type { DeliveryStore } from '../stores/delivery-store';

/** A sender's hold on one tenant, its expiry known in memory so that most checks cost nothing. */
export interface TenantLease {
  /** Takes the lease, or renews it; false when another sender holds it. */
  take(): Promise<boolean>;
  /**
   * True when at least `ms` of the lease is left, renewing it first when less
   * is; false once another sender has it. Nobody can take a lease before it
   * expires, so the expiry this sender set stays true until then.
   */
  keepFor(ms: number): Promise<boolean>;
  release(): Promise<void>;
}

export function holdTenantLease(
  store: DeliveryStore,
  tenantId: string,
  holder: string,
  ttlMs: number,
  clock: () => number,
): TenantLease {
  let until = 0;
  async function take(): Promise<boolean> {
    const now = clock();
    const taken = await store.acquireLease(tenantId, holder, now, ttlMs);
    until = taken ? now + ttlMs : 0;
    return taken;
  }
  return {
    take,
    async keepFor(ms) {
      return until - clock() >= ms || ((await take()) && ttlMs >= ms);
    },
    release: () => store.releaseLease(tenantId, holder),
  };
}
