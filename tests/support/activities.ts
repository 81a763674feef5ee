/** Bot Framework activities shaped like the ones Teams sends to a bot. */
export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-8888-4777-8666-555555555555';
export const BOT_ID = '28:refleks-bot';

let sequence = 0;

export interface UserSpec {
  aadObjectId: string;
  tenantId?: string;
  locale?: string;
  serviceUrl: string;
  name?: string;
}

function base(user: UserSpec, type: string): Record<string, unknown> {
  sequence += 1;
  const tenantId = user.tenantId ?? TENANT;
  return {
    type,
    id: `activity-${sequence}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: user.serviceUrl,
    from: { id: `29:${user.aadObjectId}`, name: user.name ?? 'Kari Nordmann', aadObjectId: user.aadObjectId },
    recipient: { id: BOT_ID, name: 'refleks' },
    conversation: { id: `a:personal-${user.aadObjectId}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: user.locale ?? 'nb-NO',
  };
}

export const installActivity = (user: UserSpec) => ({ ...base(user, 'installationUpdate'), action: 'add' });
export const uninstallActivity = (user: UserSpec) => ({ ...base(user, 'installationUpdate'), action: 'remove' });
export const membersAddedActivity = (user: UserSpec) => ({
  ...base(user, 'conversationUpdate'),
  membersAdded: [{ id: BOT_ID }],
});
export const messageActivity = (user: UserSpec, text: string) => ({
  ...base(user, 'message'),
  text,
  textFormat: 'plain',
});
export const submitActivity = (user: UserSpec, value: Record<string, unknown>) => ({ ...base(user, 'message'), value });
/** Action.Execute: trigger "manual" for a button, "automatic" for a refresh Teams sends when it shows a card. */
export const executeActivity = (
  user: UserSpec,
  verb: string,
  data: Record<string, unknown> = {},
  trigger: 'manual' | 'automatic' = 'manual',
) => ({
  ...base(user, 'invoke'),
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', id: '', verb, data }, trigger },
});
