import type { Reply } from '../domain/turn';
import type { DeliveryKey, ClaimedDelivery } from '../stores/delivery-store';
import { LEFT_FOR_STOP, LedgerWriteLeftForStop, retryLedgerWrite } from './ledger-write';
import { recordOutcome } from './record-outcome';
import type { RoundContext } from './tenant-round';

/**
 * A sent row's result for its round: whether the ledger took it, and a 429's pause.
 * `leftForStop`: the write was not tried again because the service is stopping, which
 * says nothing against the ledger, so the tenant is not stopped for it.
 */
export type RowResult = { recorded: true; throttleMs?: number } | { recorded: false; leftForStop?: true };

const rowId = (k: DeliveryKey) => `${k.tenantId}\n${k.aadObjectId}\n${k.messageId}`;
export const keyOf = ({ tenantId, aadObjectId, messageId }: DeliveryKey): DeliveryKey => ({
  tenantId,
  aadObjectId,
  messageId,
});

/**
 * Sends one claimed row and writes its outcome, trying the write again for up
 * to a lease. Never throws: a write that keeps failing returns recorded: false,
 * and a send that arrived is kept in `ctx.unrecorded` to be written later (at
 * the latest by the last try at stop).
 */
export async function sendRow(ctx: RoundContext, holder: string, row: ClaimedDelivery): Promise<RowResult> {
  const { store, log, clock } = ctx;
  const fields = { messageId: row.messageId, tenantId: row.tenantId };
  const write = <T>(op: () => Promise<T>) => retryLedgerWrite(op, ctx.leaseTtlMs, ctx.stopSignal);
  let reply: Reply;
  try {
    reply = ctx.compose(row);
  } catch (error) {
    // A content or card bug, like a 413: this row fails loudly instead of stalling the tenant.
    // The error's type only: a template error's message may quote the card's text.
    log.error(
      { ...fields, reason: 'compose-failed', err: { type: (error as Error).name } },
      'message could not be composed',
    );
    const claim = { ...keyOf(row), holder };
    return write(() => store.markFailed(claim, 'compose-failed', undefined, false)).then(
      () => ({ recorded: true }),
      (error: unknown) => notRecorded(ctx, fields, false, error),
    );
  }
  const outcome = await ctx.sender.send(row.address, reply);
  const at = clock();
  try {
    const throttleMs = await recordOutcome({ store, log, retry: ctx.retry, holder, write }, row, outcome, at);
    return { recorded: true, throttleMs };
  } catch (error) {
    const sent = outcome.status === 'sent';
    if (sent) ctx.unrecorded.set(rowId(row), { key: keyOf(row), at: new Date(at) });
    return notRecorded(ctx, fields, sent, error);
  }
}

/**
 * Says why a row's outcome is not in the ledger. A write left because the service is
 * stopping is one calm line: the row is still claimed and the lease is given back, so
 * the next sender takes it (a send that arrived gets a last try at stop first).
 */
function notRecorded(
  ctx: RoundContext,
  fields: { messageId: string; tenantId: string },
  sent: boolean,
  error: unknown,
): RowResult {
  if (error instanceof LedgerWriteLeftForStop) {
    ctx.log.info({ ...fields, sent }, LEFT_FOR_STOP);
    return { recorded: false, leftForStop: true };
  }
  ctx.log.error({ ...fields, sent, err: { message: (error as Error).message } }, 'ledger write failed; tenant stopped');
  return { recorded: false };
}

/** Sends of earlier rounds that arrived but were not recorded: written before anything else is claimed. */
export async function recordEarlierSends(ctx: RoundContext, tenantId: string): Promise<void> {
  for (const [id, { key, at }] of ctx.unrecorded) {
    if (key.tenantId !== tenantId) continue;
    await retryLedgerWrite(() => ctx.store.markSent(key, 201, at), ctx.leaseTtlMs, ctx.stopSignal);
    ctx.unrecorded.delete(id);
    ctx.log.info({ messageId: key.messageId, tenantId }, 'an earlier send recorded now that the ledger takes writes');
  }
}

/**
 * At stop, once the rounds have ended: one try (the stop signal allows no more) for the
 * sends that arrived but are not recorded. This memory ends with the process, and the
 * next sender would send those rows again.
 */
export async function recordSendsBeforeExit(ctx: RoundContext): Promise<void> {
  const tenants = new Set([...ctx.unrecorded.values()].map(({ key }) => key.tenantId));
  for (const tenantId of tenants)
    await recordEarlierSends(ctx, tenantId).catch((error: unknown) => {
      const err = { message: (error as Error).message };
      ctx.log.error(
        { tenantId, err },
        'sends that arrived are still not recorded at stop; the next sender resends them',
      );
    });
}
