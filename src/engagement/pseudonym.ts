import { createHmac } from 'node:crypto';

/**
 * The id usage events are stored under. A keyed hash, so that without the
 * pepper nobody can recompute it from a known object id; ids are lower-cased
 * because Teams and Entra do not always agree on the case of a GUID.
 */
export function pseudonymOf(pepper: string, tenantId: string, aadObjectId: string): string {
  return createHmac('sha256', pepper).update(`${tenantId.toLowerCase()}:${aadObjectId.toLowerCase()}`).digest('hex');
}
