import { loadConfig } from '../../src/config/load-config';
import { createBotAuthentication } from '../../src/teams/create-bot-authentication';
import { createBotTokenProvider } from '../../src/teams/create-bot-token-provider';
import { createFileFetcher } from '../../src/teams/fetch-user-file';
import { filesOf } from '../../src/teams/files-of';
import { FileServer } from '../support/file-server';

const server = new FileServer();
beforeAll(() => server.start());
afterAll(() => server.stop());

describe('downloading what a user put in the chat', () => {
  const fetcher = createFileFetcher(5000, async () => 'bot-token-123');

  it('sends the bot token only for pictures pasted inline, never to a pre-authorised downloadUrl', async () => {
    server.files.set('/dropped.pdf', Buffer.from('pdf'));
    server.files.set('/pasted.png', Buffer.from('png'));
    const [dropped, pasted] = filesOf([
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name: 'dropped.pdf',
        content: { downloadUrl: server.url('dropped.pdf'), fileType: 'pdf' },
      },
      { contentType: 'image/png', contentUrl: server.url('pasted.png') },
    ]);
    expect(pasted).toMatchObject({ name: 'image.png', needsBotToken: true });
    expect(await fetcher.fetch(dropped!, 1000)).toEqual({ status: 'ok', content: Buffer.from('pdf') });
    expect(await fetcher.fetch(pasted!, 1000)).toEqual({ status: 'ok', content: Buffer.from('png') });
    expect(server.authorizations.get('/dropped.pdf')).toBe('');
    expect(server.authorizations.get('/pasted.png')).toBe('Bearer bot-token-123');
  });

  it('stops at the size limit', async () => {
    server.files.set('/big.png', Buffer.alloc(5000));
    expect(await fetcher.fetch({ url: server.url('big.png') }, 1000)).toEqual({ status: 'too-big' });
  });

  it('has no token to send in local mode', async () => {
    const provider = createBotTokenProvider(createBotAuthentication(loadConfig({})), '');
    expect(await provider()).toBeUndefined();
  });
});
