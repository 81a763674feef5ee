import type { DeliveryStore } from '../stores/delivery-store';

/** How often a tenant leased by another sender is looked at again. */
const OTHER_SENDER_MS = 250;
/** The longest pause between a tenant's rounds while its rows wait for a retry: new work never waits longer. */
const MAX_ROUND_GAP_MS = 5000;

export interface TenantLoopOptions {
  store: Pick<DeliveryStore, 'isCampaignPaused' | 'tenantsWithWork'>;
  clock: () => number;
  /** The shortest pause between two rounds: a tenant that keeps coming back must not starve I/O. */
  minGapMs: number;
  stopping(): boolean;
  /** One round of the tenant (see runTenantRound): the time of a retry left for later, if any. */
  round(tenantId: string): Promise<number | undefined | 'leased-elsewhere'>;
  /** The pause between rounds; stop() and drain() cut it short. */
  nap(ms: number): Promise<void>;
}

/**
 * One tenant's rounds, one after the other, each when this tenant's own rows are
 * due, whatever the other tenants do: a very large municipality's half-hour round
 * does not hold up a small one's retries. Ends when the tenant has no row left to
 * send or retry, on stop() and while the campaign is paused. Rejects with a
 * round's error (LedgerWriteError): that stops this tenant only.
 */
export async function runTenantLoop(options: TenantLoopOptions, tenantId: string): Promise<void> {
  const { store, clock, stopping } = options;
  for (;;) {
    if (stopping() || (await store.isCampaignPaused())) return;
    const next = await options.round(tenantId);
    // Nothing left for later, unless rows came in meanwhile or another sender took the lease from this one.
    if (next === undefined && !(await store.tenantsWithWork()).includes(tenantId)) return;
    // Checked right before the nap, so a stop() that came during the round is not slept through.
    if (stopping()) return;
    const due = next === 'leased-elsewhere' ? OTHER_SENDER_MS : next === undefined ? 0 : next - clock();
    await options.nap(Math.min(MAX_ROUND_GAP_MS, Math.max(options.minGapMs, due)));
  }
}
