import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'dotenv';
import { loadConfig } from '../../src/config/load-config';
import { PROJECT_ROOT } from '../../src/project-paths';
import { configProblems as problems } from '../support/config-problems';

const TENANT = '11111111-2222-4333-8444-555555555555';
const APP = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a90';

describe('loadConfig', () => {
  it('starts in local mode with safe defaults when nothing is set', () => {
    const config = loadConfig({}, '/srv/refleks');
    expect(config).toMatchObject({
      localMode: true,
      port: 3978,
      dataDir: '/srv/refleks/data',
      defaultLanguage: 'nb',
      allowedTenantIds: [],
      production: false,
    });
  });

  it('starts with .env.example copied as it is, as its header promises', () => {
    const example = parse(readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8'));
    const config = loadConfig(example, '/srv/refleks');
    expect(config.localMode).toBe(true);
    expect(config).toEqual(loadConfig({ ...example, CAMPAIGN_THEMES: undefined }, '/srv/refleks'));
    const scheduled = loadConfig({ ...example, CAMPAIGN_START: '2027-01' }, '/srv/refleks');
    expect(scheduled.campaign.schedule?.themeOrder).toHaveLength(10);
  });

  it('reads a full production configuration', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: APP,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'SingleTenant',
      ANALYTICS_PEPPER: 'test-pepper-0123456789abcdef0123456789abcdef',
      MicrosoftAppTenantId: TENANT,
      ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()} , `,
      PORT: '8080',
      DEFAULT_LANGUAGE: 'nn',
      IT_CHANNEL: '19:abc123@thread.tacv2',
    });
    expect(config).toMatchObject({ localMode: false, port: 8080, allowedTenantIds: [TENANT], defaultLanguage: 'nn' });
  });

  it('refuses local mode in production and says what to set', () => {
    expect(problems({ NODE_ENV: 'production' })).toMatch(/MicrosoftAppId: is empty.*NODE_ENV=production/s);
  });

  it('requires tenant ids, tenant and secret outside local mode', () => {
    const message = problems({ MicrosoftAppId: APP, MicrosoftAppType: 'SingleTenant' });
    expect(message).toMatch(/ALLOWED_TENANT_IDS: set the Entra tenant id/);
    expect(message).toMatch(/MicrosoftAppTenantId: is required/);
    expect(message).toMatch(/MicrosoftAppPassword: is required/);
  });

  it('accepts a managed identity without a password', () => {
    const config = loadConfig({
      MicrosoftAppId: APP,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: TENANT,
      ANALYTICS_PEPPER: 'test-pepper-0123456789abcdef0123456789abcdef',
      ALLOWED_TENANT_IDS: TENANT,
      IT_CHANNEL: '19:abc123@thread.tacv2',
    });
    expect(config.bot.appType).toBe('UserAssignedMSI');
  });

  it.each([
    ['PORT', 'eighty', /PORT: must be a port number/],
    ['DEFAULT_LANGUAGE', 'sv', /DEFAULT_LANGUAGE: must be nb \(bokmål\), nn \(nynorsk\) or en/],
    [
      'ALLOWED_TENANT_IDS',
      'contoso.onmicrosoft.com',
      /ALLOWED_TENANT_IDS: must be a comma-separated list of Entra tenant ids/,
    ],
    ['MicrosoftAppType', 'Personal', /MicrosoftAppType: must be SingleTenant, UserAssignedMSI or MultiTenant/],
    ['MicrosoftAppId', 'my-bot', /MicrosoftAppId: must be the Application \(client\) ID/],
  ])('names %s and what to set when it is wrong', (name, value, expected) => {
    const message = problems({ [name]: value });
    expect(message).toMatch(expected);
    expect(message).toContain(`(got "${value}")`);
  });

  it('refuses a rollout lease shorter than twice the send timeout, and says what to set', () => {
    // Before: accepted, and a 15 s send could outlive a 2 s lease while another instance took over.
    expect(problems({ ROLLOUT_LEASE_SECONDS: '2' })).toMatch(
      /ROLLOUT_LEASE_SECONDS: must be at least twice SEND_TIMEOUT_SECONDS \(15\).*Set ROLLOUT_LEASE_SECONDS=30 or more \(got 2\)/,
    );
    expect(problems({ ROLLOUT_LEASE_SECONDS: '2', SEND_TIMEOUT_SECONDS: '1' })).toBe('');
  });

  it('never echoes a secret', () => {
    expect(problems({ MicrosoftAppId: APP, MicrosoftAppPassword: 'hunter2' })).not.toContain('hunter2');
  });
});
