export const TEST_TENANT = '11111111-2222-4333-8444-555555555555';
export const TEST_APP = '0b6b5c0e-3a1c-4a55-9d5e-2f1f3f7e8a90';

/** A production configuration complete except for where Meld fra delivers (each test adds that). */
export const productionEnv = {
  NODE_ENV: 'production',
  MicrosoftAppId: TEST_APP,
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: TEST_TENANT,
  ALLOWED_TENANT_IDS: TEST_TENANT,
  ANALYTICS_PEPPER: 'test-pepper-0123456789abcdef0123456789abcdef',
};
