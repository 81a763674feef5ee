import { loadConfig } from '../../src/config/load-config';
import { configProblems as problems } from '../support/config-problems';
import { startExpectingFailure } from '../support/child-service';
import { productionEnv, TEST_APP, TEST_TENANT } from '../support/production-env';
import { newDataDir } from '../support/test-service';

const TENANT = TEST_TENANT;
const TEST_ADMIN = 'aaaaaaaa-0000-4000-8000-00000000000a';
const APP = TEST_APP;
const production = productionEnv;
const graph = {
  GRAPH_AUTH: 'secret',
  GRAPH_TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: APP,
  GRAPH_CLIENT_SECRET: 'graph-secret',
  REPORT_SENDER_MAILBOX: 'meldfra@kommune.example',
  IT_SUPPORT_EMAIL: 'it@kommune.example',
};

describe('Meld fra settings', () => {
  it('refuses to start in production with nowhere to deliver reports', () => {
    expect(problems(production)).toMatch(/Meld fra has nowhere to deliver reports\. Set GRAPH_AUTH/);
    expect(problems({ ...production, IT_CHANNEL: '19:abc@thread.tacv2' })).toBe('');
    expect(problems({ ...production, ...graph })).toBe('');
    // An admin can choose IT's channel in Teams («sett it-kanal»); reports wait in the outbox until then.
    expect(problems({ ...production, ADMIN_AAD_OBJECT_IDS: TEST_ADMIN })).toBe('');
  });

  it('lets local mode run without any delivery', () => {
    expect(loadConfig({}).reports).toMatchObject({ graph: undefined, maxAttachmentBytes: 3_000_000 });
  });

  it('names every missing Graph setting for the chosen sign-in', () => {
    const message = problems({ GRAPH_AUTH: 'certificate' });
    for (const name of [
      'REPORT_SENDER_MAILBOX',
      'IT_SUPPORT_EMAIL',
      'GRAPH_TENANT_ID',
      'GRAPH_CLIENT_ID',
      'GRAPH_CERTIFICATE_PATH',
    ])
      expect(message).toContain(`${name}: is required when GRAPH_AUTH=certificate.`);
    expect(
      problems({
        GRAPH_AUTH: 'managed-identity',
        REPORT_SENDER_MAILBOX: 'a@b.example',
        IT_SUPPORT_EMAIL: 'c@d.example',
      }),
    ).toBe('');
  });

  it('asks for GRAPH_AUTH when only part of Graph is set', () => {
    expect(problems({ REPORT_SENDER_MAILBOX: 'meldfra@kommune.example' })).toContain(
      'GRAPH_AUTH: set it to managed-identity, certificate or secret, so refleks can e-mail reports through Microsoft Graph (REPORT_SENDER_MAILBOX is set).',
    );
  });

  it.each([
    ['IT_SUPPORT_EMAIL', 'servicedesk', /IT_SUPPORT_EMAIL: must be the e-mail address of IT support/],
    ['IT_CHANNEL', 'General', /IT_CHANNEL: must be the Teams channel id/],
    ['MAX_ATTACHMENT_MB', '5', /MAX_ATTACHMENT_MB: .*at most 4 MB/],
    ['GRAPH_AUTHORITY_HOST', 'http://login.example', /GRAPH_AUTHORITY_HOST: must be an https:\/\/ address/],
    ['ADMIN_AAD_OBJECT_IDS', 'kari@kommune.no', /ADMIN_AAD_OBJECT_IDS: must be Entra object ids \(GUIDs\)/],
  ])('explains a wrong %s', (name, value, expected) => {
    expect(problems({ [name]: value })).toMatch(expected);
  });

  it('never echoes the Graph secret', () => {
    expect(problems({ ...graph, GRAPH_CLIENT_SECRET: 'hunter2', GRAPH_AUTH: 'sometimes' })).not.toContain('hunter2');
  });
});

describe('start-up with a broken Meld fra configuration', () => {
  it.each([
    [production, /Meld fra has nowhere to deliver reports/],
    [
      { ...graph, GRAPH_AUTH: 'certificate', GRAPH_CERTIFICATE_PATH: '/nowhere/graph.pem' },
      /GRAPH_CERTIFICATE_PATH: the file \/nowhere\/graph.pem cannot be read/,
    ],
  ])('stops with exit code 1 and a message for the admin (%#)', async (env, message) => {
    const { code, stderr } = await startExpectingFailure({ DATA_DIR: newDataDir(), ...env });
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
