import { createHmac } from 'node:crypto';

/**
 * The id usage events are stored under. A keyed hash, so that without the
 * pepper nobody can recompute it from a known object id; ids are lower-cased
 * because Teams and Entra do not always agree on the case of a GUID.
 */
export function pseudonymOf(pepper: string, tenantId: string, aadObjectId: string): string {
  return createHmac('sha256', pepper).update(`${tenantId.toLowerCase()}:${aadObjectId.toLowerCase()}`).digest('hex');
}

/** Enough for a large municipality's active users; then it starts over. */
const MAX_REMEMBERED = 50_000;

/**
 * pseudonymOf under one pepper, remembering recent answers: every counted
 * action needs the pseudonym, and a keyed hash per event is a noticeable
 * share of a turn. Kept only in memory, like the ids it is computed from.
 */
export function createPseudonymizer(pepper: string): (tenantId: string, aadObjectId: string) => string {
  let known = new Map<string, string>();
  return (tenantId, aadObjectId) => {
    const key = `${tenantId}\u0000${aadObjectId}`;
    let pseudonym = known.get(key);
    if (pseudonym === undefined) {
      if (known.size >= MAX_REMEMBERED) known = new Map();
      pseudonym = pseudonymOf(pepper, tenantId, aadObjectId);
      known.set(key, pseudonym);
    }
    return pseudonym;
  };
}
