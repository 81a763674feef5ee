import { ConnectorStandIn } from './connector-stand-in';
import { TENANT } from './activities';
import { newDataDir, startTestService, type TestService } from './test-service';

export interface LocalServiceFixture {
  connector: ConnectorStandIn;
  service: () => TestService;
  dataDir: () => string;
  /** Content of the n-th Adaptive Card the bot sent. */
  sentCard: (index: number) => Record<string, unknown>;
}

/** Jest hooks: a connector stand-in for the file, a fresh service and data folder per test. */
export function useLocalService(env: Record<string, string> = {}): LocalServiceFixture {
  const connector = new ConnectorStandIn();
  let service: TestService;
  let dataDir: string;
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());
  beforeEach(async () => {
    dataDir = newDataDir();
    service = await startTestService({ DATA_DIR: dataDir, ALLOWED_TENANT_IDS: TENANT, ...env });
    connector.sent.length = 0;
    connector.conversationFailures.clear();
    connector.maxActivityBytes = undefined;
  });
  afterEach(() => service.stop());
  return {
    connector,
    service: () => service,
    dataDir: () => dataDir,
    sentCard(index) {
      const attachments = connector.sent[index]?.activity.attachments as
        { contentType: string; content: unknown }[] | undefined;
      const first = attachments?.[0];
      if (first?.contentType !== 'application/vnd.microsoft.card.adaptive')
        throw new Error(`activity ${index} carries no Adaptive Card`);
      return first.content as Record<string, unknown>;
    },
  };
}
