import type { ThemeId } from '../content/theme-schema';
import type { RecordPolicy, UsageEvent } from '../engagement/usage-event';

/**
 * Distinct people per tenant, theme, event type, subject and value; type "any"
 * counts everyone with any theme event. "paused" counts each person once,
 * under the theme of their latest pause.
 */
export interface ThemeFact {
  tenantId: string;
  /** Undefined for events that belong to no theme (report-sent, a pause before any nudge). */
  themeId?: ThemeId;
  type: UsageEvent['type'] | 'any';
  /** Set for events that have one (a pulse answer's phase/question). */
  subject?: string;
  value?: string;
  people: number;
}

/** People reached: nudges marked sent in the delivery ledger, per tenant and theme. */
export interface ReachFact {
  tenantId: string;
  themeId: ThemeId;
  people: number;
}

/** Distinct people per tenant and theme who asked a question, and those of them who got no answer at least once. */
export interface QuestionFact {
  tenantId: string;
  themeId: ThemeId;
  asked: number;
  unanswered: number;
}

/** Distinct people per tenant and month (YYYY-MM, Oslo time) who sent a «Meld fra» report. */
export interface ReportMonthFact {
  tenantId: string;
  month: string;
  people: number;
}

/**
 * Usage events under pseudonyms. Async so that a network-backed store (Azure
 * Table Storage, Cosmos DB) can implement it without changing callers.
 */
export interface EventStore {
  /** Returns false when the policy "first" found an earlier event and nothing was stored. */
  record(event: UsageEvent, policy: RecordPolicy): Promise<boolean>;
  listFor(tenantId: string, pseudonym: string): Promise<UsageEvent[]>;
  /** Deletes events older than the cutoff; returns how many. */
  purgeBefore(cutoff: Date): Promise<number>;
  themeFacts(): Promise<ThemeFact[]>;
  reachFacts(): Promise<ReachFact[]>;
  questionFacts(): Promise<QuestionFact[]>;
  reportMonthFacts(): Promise<ReportMonthFact[]>;
}

/** "slett mine data": everything stored about one person, gone in one step. */
export interface PersonalDataStore {
  erase(tenantId: string, aadObjectId: string, pseudonym: string): Promise<void>;
  /**
   * The nightly retention purge: everyone who is inactive (uninstalled or
   * unreachable), was last seen before `cutoff` and was sent nothing since,
   * with their ledger rows, reminders and Meld fra form. Their events, under
   * the pseudonym, go by their own age. Returns how many people.
   */
  purgeInactive(cutoff: Date): Promise<number>;
}
