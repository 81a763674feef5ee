import type { CampaignSettings } from '../../src/calendar/campaign-schedule';
import { THEME_IDS } from '../../src/content/theme-schema';

/** A campaign from September 2026: first working day at 09:00, July off, follow-up after three weeks. */
export const campaignSettings = (overrides: Partial<CampaignSettings> = {}): CampaignSettings => ({
  start: { year: 2026, month: 9 },
  themeOrder: THEME_IDS,
  sendWorkingDay: 1,
  sendTime: { hour: 9, minute: 0 },
  pauseMonths: [7],
  followUpWeeks: 3,
  ...overrides,
});
