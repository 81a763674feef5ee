import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Config } from '../config/load-config';

/**
 * One Bot Framework authentication for incoming requests and outgoing sends.
 * Empty credentials make botbuilder skip token checks: local mode for the
 * Agents Playground and tests.
 */
export function createBotAuthentication(config: Config): BotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.bot.appId ?? '',
    MicrosoftAppPassword: config.bot.appPassword ?? '',
    MicrosoftAppType: config.localMode ? '' : config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId ?? '',
  });
}
