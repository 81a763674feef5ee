import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startService, type RunningService } from '../../src/index';

/** Captures the service's JSON log lines so tests can check what is (not) logged. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _encoding: string, callback: () => void): void {
    this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    callback();
  }
  get text(): string {
    return this.lines.join('\n');
  }
}

export const newDataDir = () => mkdtempSync(path.join(os.tmpdir(), 'refleks-test-'));

export interface TestService extends RunningService {
  url: string;
  logs: LogCapture;
  post(body: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Starts the real service on a free port in local mode unless env says otherwise. */
export async function startTestService(env: Record<string, string>): Promise<TestService> {
  const logs = new LogCapture();
  const service = await startService({ PORT: '0', LOG_LEVEL: 'info', ...env }, logs);
  const url = `http://127.0.0.1:${service.port}`;
  return {
    ...service,
    url,
    logs,
    post: (body, headers = {}) =>
      fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
  };
}
