import { pulsePhaseOf } from '../calendar/pulse-schedule';
import type { CampaignStatus } from '../rollout/campaign-service';
import type { CampaignTools } from './open-campaign-tools';

/** Status as JSON for tools, or as a short table for people. */
export function printStatus(status: CampaignStatus, tools: Pick<CampaignTools, 'themes'>, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(status));
    return;
  }
  console.log(
    `campaign: ${status.paused ? 'paused' : 'running'}${status.scheduled ? '' : ' (no CAMPAIGN_START: sends by hand only)'}`,
  );
  if (status.next) console.log(`next: ${status.next.id} at ${status.next.slot.toISOString()}`);
  for (const m of status.messages) {
    const c = m.counts;
    const counts = c ? ` sent=${c.sent} failed=${c.failed} pending=${c.pending + c.sending} skipped=${c.skipped}` : '';
    const when = m.slot ? m.slot.toISOString() : (m.startedAt?.toISOString() ?? '');
    const phase = pulsePhaseOf(m.kind);
    const title = phase ? `pulse ${phase} the campaign` : tools.themes.text(m.themeId, 'en').title;
    console.log(`${m.id.padEnd(34)} ${m.state.padEnd(8)} ${when}${counts}  ${title}`);
  }
}
