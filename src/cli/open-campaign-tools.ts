import { loadConfig } from '../config/load-config';
import type { ThemeId } from '../content/theme-schema';
import type { SendOutcome } from '../domain/proactive';
import { buildCore } from '../index';
import { createLogger } from '../log/create-logger';
import type { CampaignService } from '../rollout/campaign-service';
import { StartupError } from '../startup-error';
import type { ThemeLibrary } from '../content/theme-library';
import pino from 'pino';

export interface SendSummary {
  messageId: string;
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  pending: number;
}

export interface CampaignTools {
  campaign: CampaignService;
  themes: ThemeLibrary;
  preview(themeId: ThemeId, aadObjectId: string): Promise<SendOutcome[]>;
  /** Queues the theme's nudge and returns when every row is sent or permanently resolved. */
  sendAndWait(themeId: ThemeId): Promise<SendSummary>;
  close(): Promise<void>;
}

/** The service's own wiring, for the CLI. Logs go to stderr so stdout stays machine-readable. */
export function openCampaignTools(env: NodeJS.ProcessEnv): CampaignTools {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const log = createLogger(config.logLevel, pino.destination(2));
  const core = buildCore(config, log);
  const { campaign, engine } = core.rollout;
  return {
    campaign,
    themes: core.themes,
    async preview(themeId, aadObjectId) {
      const recipients = await core.stores.recipients.findByAadObjectId(aadObjectId.toLowerCase());
      const matches = recipients.length > 0 ? recipients : await core.stores.recipients.findByAadObjectId(aadObjectId);
      return Promise.all(
        matches.map((r) =>
          core.proactive.send(
            r.address,
            core.compose({ themeId, kind: 'nudge', language: r.language, locale: r.locale }),
          ),
        ),
      );
    },
    async sendAndWait(themeId) {
      if (await core.stores.deliveries.isCampaignPaused()) {
        throw new StartupError('The campaign is paused. Run `npm run campaign -- resume` first.');
      }
      const { id, queued } = await campaign.sendNow(themeId, 'nudge', 'cli', new Date());
      await campaign.idle();
      const counts = (await core.stores.deliveries.counts()).get(id) ?? {
        pending: 0,
        sending: 0,
        sent: 0,
        failed: 0,
        skipped: 0,
      };
      return {
        messageId: id,
        queued,
        sent: counts.sent,
        failed: counts.failed,
        skipped: counts.skipped,
        pending: counts.pending + counts.sending,
      };
    },
    async close() {
      await engine.stop();
      await core.stores.health.close();
    },
  };
}
