import type { MessageKind } from '../calendar/campaign-schedule';
import { pulseMessage } from '../calendar/pulse-schedule';
import { loadConfig } from '../config/load-config';
import type { PulsePhase } from '../content/pulse-schema';
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
  previewPulse(phase: PulsePhase, aadObjectId: string): Promise<SendOutcome[]>;
  /** Queues the theme's nudge and returns when every row is sent or permanently resolved. */
  sendAndWait(themeId: ThemeId): Promise<SendSummary>;
  /** The same for the pulse of a phase. */
  sendPulseAndWait(phase: PulsePhase): Promise<SendSummary>;
  close(): Promise<void>;
}

/** The service's own wiring, for the CLI. Logs go to stderr so stdout stays machine-readable. */
export function openCampaignTools(env: NodeJS.ProcessEnv): CampaignTools {
  const config = loadConfig({ LOG_LEVEL: 'warn', ...env });
  const log = createLogger(config.logLevel, pino.destination(2));
  const core = buildCore(config, log);
  const { campaign, engine } = core.rollout;

  async function previewMessage(themeId: ThemeId, kind: MessageKind, aadObjectId: string) {
    const recipients = await core.stores.recipients.findByAadObjectId(aadObjectId.toLowerCase());
    const matches = recipients.length > 0 ? recipients : await core.stores.recipients.findByAadObjectId(aadObjectId);
    return Promise.all(
      matches.map((r) =>
        core.proactive.send(r.address, core.compose({ themeId, kind, language: r.language, locale: r.locale })),
      ),
    );
  }

  async function sendAndWait(start: () => Promise<{ id: string; queued: number }>): Promise<SendSummary> {
    if (await core.stores.deliveries.isCampaignPaused()) {
      throw new StartupError('The campaign is paused. Run `npm run campaign -- resume` first.');
    }
    const { id, queued } = await start();
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
  }

  return {
    campaign,
    themes: core.themes,
    preview: (themeId, aadObjectId) => previewMessage(themeId, 'nudge', aadObjectId),
    previewPulse(phase, aadObjectId) {
      const { themeId, kind } = pulseMessage(config.campaign.schedule, phase);
      return previewMessage(themeId, kind, aadObjectId);
    },
    sendAndWait: (themeId) => sendAndWait(() => campaign.sendNow(themeId, 'nudge', 'cli', new Date())),
    sendPulseAndWait: (phase) => sendAndWait(() => campaign.sendPulse(phase, 'cli', new Date())),
    async close() {
      await engine.stop();
      await core.stores.health.close();
    },
  };
}
