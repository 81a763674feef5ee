import type { Language } from '../content/languages';
import type { LocalRules } from '../content/local-rules-schema';
import type { PulseSurvey } from '../content/pulse-schema';
import type { ThemeLibrary } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import type { CardRenderer } from '../cards/render-card';
import type { ProactiveSender } from '../domain/proactive';
import type { EngagementServices } from '../engagement/engagement-services';
import type { Logger } from '../log/create-logger';
import type { CampaignService } from '../rollout/campaign-service';
import type { ReportServices } from '../reports/report-services';
import type { QuestionAnswerer } from '../questions/question-answer';
import type { RecipientStore } from '../stores/recipient-store';

/** Everything handlers may use. Built once in the composition root. */
export interface AppServices {
  recipients: RecipientStore;
  cards: CardRenderer;
  themes: ThemeLibrary;
  localRules: LocalRules;
  /** The pulse survey's questions and answers (themes/pulse.yaml). */
  pulse: PulseSurvey;
  /** Answers employees' questions from the FAQ content; built once at start-up. */
  questions: QuestionAnswerer;
  /** The themes a user has received, most recent first: the tie-breaker when two themes answer equally well. */
  recentThemeIds(tenantId: string, aadObjectId: string): Promise<ThemeId[]>;
  defaultLanguage: Language;
  /** Empty: any tenant (local mode only). */
  allowedTenantIds: string[];
  /** Messages outside a turn: nudges, reminders, report receipts. */
  proactive: ProactiveSender;
  campaign: CampaignService;
  /** Entra object ids (lower case) allowed to run admin commands. */
  adminIds: readonly string[];
  /** Whether users may pause the nudges (ALLOW_OPT_OUT). */
  allowOptOut: boolean;
  /** «Meld fra»: the outbox, drafts with files, the IT channel. */
  reports: ReportServices;
  /** Usage events under pseudonyms, «mine data», statistics. */
  engagement: EngagementServices;
  log: Logger;
}
