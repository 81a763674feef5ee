import type { FetchedFile, FileFetcher } from '../reports/delivery-ports';
import { withDeadline } from '../domain/with-deadline';

/** One download of `url`, the answer and its body both stopped by `signal`. */
async function download(
  url: string,
  token: string | undefined,
  maxBytes: number,
  signal: AbortSignal,
): Promise<FetchedFile> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await fetch(url, { signal, redirect: 'follow', headers });
  if (!response.ok || !response.body) return { status: 'failed', reason: `http ${response.status}` };
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body.cancel();
    return { status: 'too-big' };
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += (chunk as Uint8Array).byteLength;
    if (total > maxBytes) return { status: 'too-big' };
    chunks.push(Buffer.from(chunk as Uint8Array));
  }
  return { status: 'ok', content: Buffer.concat(chunks) };
}

/**
 * Downloads a file a user dropped in the chat. Teams gives a pre-authorised
 * downloadUrl for files (application/vnd.microsoft.teams.file.download.info),
 * valid for a short while, so no token is sent for those. Pictures pasted
 * inline come from the Bot Connector's attachment store, which wants the
 * bot's own token. Reading stops at maxBytes: a large file is never held in memory.
 * timeoutMs covers getting the bot's token too, which takes no signal: a hung
 * token endpoint fails the download in time, and the download is then never started.
 */
export function createFileFetcher(
  timeoutMs = 20000,
  botToken: () => Promise<string | undefined> = async () => undefined,
): FileFetcher {
  return {
    async fetch({ url, needsBotToken }, maxBytes): Promise<FetchedFile> {
      try {
        if (!/^https?:\/\//i.test(url)) return { status: 'failed', reason: 'not an http(s) address' };
        return await withDeadline(timeoutMs, async (signal) => {
          const token = needsBotToken ? await botToken() : undefined;
          return download(url, token, maxBytes, signal);
        });
      } catch (error) {
        return { status: 'failed', reason: (error as Error).name };
      }
    },
  };
}
