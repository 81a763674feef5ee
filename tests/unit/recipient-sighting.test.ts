import { LAST_SEEN_PRECISION_MS, sightingChangesNothing, type Recipient } from '../../src/domain/recipient';

const seen = new Date('2026-11-02T09:00:00Z');
const address = {
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  channelId: 'msteams',
  conversationId: 'a:1',
  conversationType: 'personal',
  tenantId: 't',
  botId: '28:bot',
  userId: '29:user',
  aadObjectId: 'aad',
};
const known: Recipient = {
  tenantId: 't',
  aadObjectId: 'aad',
  address,
  locale: 'nb-NO',
  active: true,
  paused: false,
  firstSeen: seen,
  lastSeen: seen,
};
const sighting = { tenantId: 't', aadObjectId: 'aad', address: { ...address }, locale: 'nb-NO' };
const later = (ms: number) => new Date(seen.getTime() + ms);

describe('a turn rewrites the recipient only when it tells something new', () => {
  it('skips the write for the same address and locale within the precision', () => {
    expect(sightingChangesNothing(known, sighting, later(LAST_SEEN_PRECISION_MS - 1))).toBe(true);
    expect(sightingChangesNothing(known, { ...sighting, locale: undefined }, later(1000))).toBe(true);
  });

  it.each([
    ['nobody known yet', undefined, sighting, later(1000)],
    ['an inactive recipient (reinstall)', { ...known, active: false }, sighting, later(1000)],
    ['a new locale', known, { ...sighting, locale: 'nn-NO' }, later(1000)],
    ['a new service URL', known, { ...sighting, address: { ...address, serviceUrl: 'https://x/' } }, later(1000)],
    ['a new conversation', known, { ...sighting, address: { ...address, conversationId: 'a:2' } }, later(1000)],
    ['last seen an hour ago', known, sighting, later(LAST_SEEN_PRECISION_MS)],
  ])('writes for %s', (_, before, next, at) => {
    expect(sightingChangesNothing(before, next, at)).toBe(false);
  });
});
