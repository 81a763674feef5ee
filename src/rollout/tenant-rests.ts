/**
 * Tenants whose last loop in a run failed (see DeliveryEngine.drain), each
 * resting for `restMs` from its failure. Not longer: a run can go on for hours,
 * and until the tenant's next round the sends that arrived but could not be
 * recorded live only in this process's memory.
 */
export interface TenantRests {
  failed(tenantId: string, error: unknown): void;
  /** The tenant's loop ended without error: its earlier failure no longer counts. */
  succeeded(tenantId: string): void;
  resting(tenantId: string): boolean;
  /** How long until the first rest going on now ends; Infinity if none does. */
  untilFirstEnds(): number;
  /** The first failure of a tenant whose last loop failed, if any. */
  firstFailure(): { error: unknown } | undefined;
}

export function tenantRests(restMs: number, clock: () => number): TenantRests {
  const failures = new Map<string, { error: unknown; at: number }>();
  const left = (at: number) => at + restMs - clock();
  return {
    failed: (tenantId, error) => void failures.set(tenantId, { error, at: clock() }),
    succeeded: (tenantId) => void failures.delete(tenantId),
    resting(tenantId) {
      const failure = failures.get(tenantId);
      return failure !== undefined && left(failure.at) > 0;
    },
    untilFirstEnds: () =>
      Math.min(Infinity, ...[...failures.values()].map(({ at }) => left(at)).filter((ms) => ms > 0)),
    firstFailure: () => failures.values().next().value,
  };
}
