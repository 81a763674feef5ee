import Database from 'better-sqlite3';
import path from 'node:path';
import { messageActivity, submitActivity, type UserSpec } from './activities';
import type { LocalServiceFixture } from './use-local-service';

/** Rows the delivery ledger has marked sent for a theme's nudge. */
function sentRows(dataDir: string, themeId: string): number {
  const db = new Database(path.join(dataDir, 'refleks.db'), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT COUNT(*) AS n FROM deliveries d JOIN rollouts r ON r.message_id = d.message_id
          WHERE r.theme_id = ? AND r.kind = 'nudge' AND d.status = 'sent'`,
      )
      .get(themeId) as { n: number };
    return row.n;
  } finally {
    db.close();
  }
}

/**
 * The real way a theme reaches people: an admin writes «send <theme>» and
 * confirms, the rollout sends the nudge through the connector stand-in, and the
 * ledger records it. Resolves once `recipients` rows are marked sent.
 */
export async function sendThemeAsAdmin(
  fixture: LocalServiceFixture,
  admin: UserSpec,
  themeId: string,
  recipients: number,
): Promise<void> {
  await fixture.service().post(messageActivity(admin, `send ${themeId}`));
  await fixture.service().post(submitActivity(admin, { action: 'admin-send-confirm', theme: themeId }));
  const deadline = Date.now() + 5000;
  while (sentRows(fixture.dataDir(), themeId) < recipients) {
    if (Date.now() > deadline) throw new Error(`the ledger never marked ${recipients} nudges for ${themeId} sent`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
