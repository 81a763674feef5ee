/**
 * Versioned schema changes, applied in order and recorded in schema_version.
 * Never edit a migration that has shipped: add a new one. Each feature owns a
 * range of versions: 1–9 recipients and rollout, 10–19 questions, 20–29 Meld
 * fra reports, 30–39 engagement and statistics.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'recipients',
    sql: `
      CREATE TABLE recipients (
        tenant_id      TEXT NOT NULL,
        aad_object_id  TEXT NOT NULL,
        address_json   TEXT NOT NULL,
        locale         TEXT,
        language       TEXT,
        active         INTEGER NOT NULL DEFAULT 1,
        first_seen     TEXT NOT NULL,
        last_seen      TEXT NOT NULL,
        PRIMARY KEY (tenant_id, aad_object_id)
      );
      CREATE INDEX recipients_active ON recipients (tenant_id, active);
    `,
  },
];
