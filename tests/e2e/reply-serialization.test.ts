import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import { useCompiledSerializer } from '../../src/teams/use-compiled-serializer';
import { ConnectorStandIn } from '../support/connector-stand-in';
import { localConnectorClient } from '../support/local-connector-client';

/** Replies the way a turn sends them: the conversation reference applied, a card or text, Teams' fields kept. */
function replies(serviceUrl: string): Partial<Activity>[] {
  const reference = {
    serviceUrl,
    channelId: 'msteams',
    locale: 'nn-NO',
    replyToId: 'activity-1',
    from: { id: '28:refleks-bot', name: 'refleks' },
    recipient: { id: '29:user', name: 'Kari', aadObjectId: 'eeeeeeee-0000-4000-8000-000000000002', extra: 'x' },
    conversation: { id: 'a:personal', name: '', conversationType: 'personal', tenantId: 't', isGroup: false },
  };
  const card = CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Lås skjermen' }],
  });
  return [
    { ...MessageFactory.text('Hei! Kva lurer du på?'), ...reference },
    { ...MessageFactory.attachment(card), ...reference, timestamp: new Date(1_790_000_000_000) },
    {
      ...MessageFactory.text('to'),
      ...reference,
      entities: [{ type: 'clientInfo', locale: 'nb-NO' }],
      channelData: { notification: { alert: true } },
    },
  ];
}

describe('replies serialised with compiled mappers', () => {
  const connector = new ConnectorStandIn();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('reach the Bot Connector exactly as the library writes them, without its serializer', async () => {
    const plain = await localConnectorClient(connector.url);
    const compiled = useCompiledSerializer(await localConnectorClient(connector.url));
    // The library's serializer, as the plain client's operations use it.
    let library: Parameters<typeof plain.sendOperationRequest>[1]['serializer'] | undefined;
    const send = plain.sendOperationRequest.bind(plain);
    plain.sendOperationRequest = (operationArguments, spec, callback) => {
      library = spec.serializer;
      return send(operationArguments, spec, callback);
    };

    for (const reply of replies(connector.url)) {
      const answers = [];
      for (const client of [plain, compiled]) {
        answers.push(await client.conversations.replyToActivity('a:personal', 'activity-1', reply));
      }
      if (!library) throw new Error('the plain client sent nothing');
      const libraryCalls = jest.spyOn(library, 'serialize');
      answers.push(await compiled.conversations.sendToConversation('a:personal', reply));
      const activityCalls = libraryCalls.mock.calls.filter(([mapper]) => mapper.type.name === 'Composite');
      expect(activityCalls).toEqual([]);
      libraryCalls.mockRestore();

      const [byLibrary, byCompiled, sentToConversation] = connector.sent.splice(0);
      expect(JSON.stringify(byCompiled?.activity)).toBe(JSON.stringify(byLibrary?.activity));
      expect(byCompiled?.replyToId).toBe('activity-1');
      expect(JSON.stringify(sentToConversation?.activity)).toBe(JSON.stringify(byLibrary?.activity));
      expect(sentToConversation?.replyToId).toBeUndefined();
      // The ResourceResponse is read back as before.
      expect(answers.map((answer) => typeof answer.id)).toEqual(['string', 'string', 'string']);
    }
  });
});
