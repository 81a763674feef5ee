import cron from 'node-cron';
import { CAMPAIGN_TIME_ZONE } from '../calendar/oslo-time';
import type { Logger } from '../log/create-logger';
import type { CampaignService } from './campaign-service';

/**
 * Checks the calendar every minute (Oslo time) and once at start-up, so a
 * slot missed while the service was down is caught up when it comes back.
 * Starting a rollout is idempotent, so extra ticks never send twice.
 */
export function startCampaignClock(campaign: CampaignService, log: Logger): { stop(): void } {
  const tick = () =>
    campaign
      .tick(new Date())
      .catch((error: unknown) => log.error({ err: { message: (error as Error).message } }, 'campaign tick failed'));
  const task = cron.schedule('* * * * *', tick, {
    timezone: CAMPAIGN_TIME_ZONE,
    noOverlap: true,
    name: 'refleks-campaign',
  });
  void tick();
  return { stop: () => void task.stop() };
}
