import { createSqliteStores, type Stores } from '../../src/stores/sqlite/create-sqlite-stores';
import { newDataDir } from './test-service';

export interface TwoConnections {
  dataDir: string;
  a: Stores;
  /** A second connection, as a second instance of refleks would have. */
  b: Stores;
}

/**
 * Before each test: a fresh SQLite file with two store connections on it, for
 * tests that two writers never take the same row; both closed after the test.
 */
export function useTwoConnections(opened: (connections: TwoConnections) => void): void {
  let current: TwoConnections | undefined;
  beforeEach(() => {
    const dataDir = newDataDir();
    current = { dataDir, a: createSqliteStores(dataDir), b: createSqliteStores(dataDir) };
    opened(current);
  });
  afterEach(async () => {
    await current?.a.health.close();
    await current?.b.health.close();
  });
}
