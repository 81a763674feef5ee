import {
  buildSchedule,
  dueMessages,
  messageId,
  missedMessages,
  nextMessage,
  type CampaignSettings,
  type MessageKind,
  type ScheduledMessage,
} from '../calendar/campaign-schedule';
import { pulseMessage, withPulse } from '../calendar/pulse-schedule';
import type { PulsePhase } from '../content/pulse-schema';
import type { ThemeId } from '../content/theme-schema';
import type { Logger } from '../log/create-logger';
import type { DeliveryCounts, DeliveryStore, RolloutTrigger } from '../stores/delivery-store';
import type { DeliveryEngine } from './delivery-engine';

export interface MessageStatus {
  id: string;
  themeId: ThemeId;
  kind: MessageKind;
  /** Scheduled slot; undefined for a message sent by hand outside the schedule. */
  slot?: Date;
  state: 'upcoming' | 'started' | 'missed';
  startedAt?: Date;
  trigger?: RolloutTrigger;
  counts?: DeliveryCounts;
}

export interface CampaignStatus {
  paused: boolean;
  scheduled: boolean;
  next?: ScheduledMessage;
  messages: MessageStatus[];
}

export interface CampaignService {
  /** Starts whatever is due (within the catch-up window) and sends it. Safe to call any time, as often as you like. */
  tick(now: Date): Promise<void>;
  /**
   * Queues a theme's message now and starts sending: for everyone (the CLI),
   * or with `tenantId` for that municipality only (an admin in chat).
   */
  sendNow(
    themeId: ThemeId,
    kind: MessageKind,
    trigger: RolloutTrigger,
    now: Date,
    tenantId?: string,
  ): Promise<{ id: string; queued: number }>;
  messageIdFor(themeId: ThemeId, kind: MessageKind): string;
  /** Queues the pulse of a phase for everyone (or `tenantId`'s people) who hasn't had it; the same id as on schedule. */
  sendPulse(
    phase: PulsePhase,
    trigger: RolloutTrigger,
    now: Date,
    tenantId?: string,
  ): Promise<{ id: string; queued: number }>;
  /**
   * The calendar with counts: of the whole ledger, or with `tenantId` of that
   * municipality only, where a message another municipality's admin sent by
   * hand does not count as started until this one has rows for it.
   */
  status(now: Date, tenantId?: string): Promise<CampaignStatus>;
  setPaused(paused: boolean, now: Date): Promise<void>;
  /** Resolves when everything queued has been sent or resolved (joins a run in progress). */
  idle(): Promise<void>;
}

export interface CampaignServiceOptions {
  store: DeliveryStore;
  engine: DeliveryEngine;
  settings?: CampaignSettings;
  catchUpMs: number;
  log: Logger;
}

/** The campaign's calendar wired to the ledger and the engine. No timers of its own. */
export function createCampaignService(options: CampaignServiceOptions): CampaignService {
  const { store, engine, settings, log } = options;
  const schedule = settings ? withPulse(settings, buildSchedule(settings)) : [];
  // The engine runs one drain at a time; a call during a run joins it.
  const kick = (): Promise<void> =>
    engine
      .drain()
      .catch((error: unknown) => log.error({ err: { message: (error as Error).message } }, 'rollout run failed'));

  return {
    async tick(now) {
      if (await store.isCampaignPaused()) return;
      for (const message of dueMessages(schedule, now, options.catchUpMs)) {
        const { created, queued } = await store.startRollout(message, 'schedule', now);
        if (created || queued > 0) log.info({ messageId: message.id, created, queued }, 'rollout queued');
      }
      void kick();
    },
    async sendNow(themeId, kind, trigger, now, tenantId) {
      const id = this.messageIdFor(themeId, kind);
      const { queued } = await store.startRollout({ id, themeId, kind }, trigger, now, tenantId);
      log.info({ messageId: id, trigger, tenantId, queued }, 'rollout queued by hand');
      void kick();
      return { id, queued };
    },
    async sendPulse(phase, trigger, now, tenantId) {
      const message = pulseMessage(settings, phase);
      const { queued } = await store.startRollout(message, trigger, now, tenantId);
      log.info({ messageId: message.id, trigger, tenantId, queued }, 'rollout queued by hand');
      void kick();
      return { id: message.id, queued };
    },
    messageIdFor(themeId, kind) {
      return settings ? messageId(settings, themeId, kind) : `manual/${themeId}/${kind}`;
    },
    async status(now, tenantId) {
      const [all, counts, paused] = await Promise.all([
        store.listRollouts(),
        store.counts(tenantId),
        store.isCampaignPaused(),
      ]);
      // Another municipality's admin may have sent a message early: that is theirs to know.
      const rollouts = all.filter((r) => tenantId === undefined || r.trigger !== 'admin' || counts.has(r.id));
      const started = new Map(rollouts.map((r) => [r.id, r]));
      const missed = new Set(missedMessages(schedule, now, options.catchUpMs).map((m) => m.id));
      const fromSchedule = schedule.map((m): MessageStatus => {
        const rollout = started.get(m.id);
        const state = rollout ? 'started' : missed.has(m.id) ? 'missed' : 'upcoming';
        return { ...m, state, startedAt: rollout?.startedAt, trigger: rollout?.trigger, counts: counts.get(m.id) };
      });
      const byHand = rollouts
        .filter((r) => !schedule.some((m) => m.id === r.id))
        .map((r): MessageStatus => ({ ...r, state: 'started', counts: counts.get(r.id) }));
      return {
        paused,
        scheduled: Boolean(settings),
        next: nextMessage(schedule, now),
        messages: [...fromSchedule, ...byHand],
      };
    },
    async setPaused(paused, now) {
      await store.setCampaignPaused(paused, now);
      log.info({ paused }, paused ? 'campaign paused' : 'campaign resumed');
      if (!paused) void kick();
    },
    idle() {
      return kick();
    },
  };
}
