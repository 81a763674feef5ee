import type { Env } from './config-schema';

export interface EngagementConfig {
  /** Key for the pseudonyms in usage events. */
  pepper: string;
  /** True in local mode without ANALYTICS_PEPPER: pseudonyms are then not secret. */
  developmentPepper: boolean;
  retentionMonths: number;
  /** Figures over fewer distinct people than this are suppressed. */
  minGroupSize: number;
  /** How often the reminder scheduler looks for reminders that are due. */
  reminderIntervalMs: number;
}

/** Only for local mode, where nothing real is stored: it is public, so pseudonyms made with it are not secret. */
const DEVELOPMENT_PEPPER = 'refleks-local-development-pepper-not-secret';

export function engagementConfigProblems(env: Env, localMode: boolean): string[] {
  if (localMode || env.ANALYTICS_PEPPER) return [];
  return [
    'ANALYTICS_PEPPER: is required outside local mode. It keys the pseudonyms in the usage statistics; generate one with `openssl rand -base64 48`, keep it in your secret store and never change it (changing it splits everyone into new pseudonyms).',
  ];
}

export function toEngagementConfig(env: Env): EngagementConfig {
  return {
    pepper: env.ANALYTICS_PEPPER ?? DEVELOPMENT_PEPPER,
    developmentPepper: env.ANALYTICS_PEPPER === undefined,
    retentionMonths: env.EVENT_RETENTION_MONTHS,
    minGroupSize: env.MIN_GROUP_SIZE,
    reminderIntervalMs: env.REMINDER_INTERVAL_SECONDS * 1000,
  };
}
