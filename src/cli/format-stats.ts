import { CHECK_ANSWERS } from '../cards/theme-cards';
import type { TenantStats } from '../engagement/aggregate';
import { isShown, type Cell } from '../engagement/suppress';
import { PULSE_COLUMNS, pulseCsvCells } from './format-pulse-stats';

const COLUMNS = [
  'tenant_id',
  'theme_id',
  'reached',
  'interacted',
  'quiz_answered',
  'quiz_correct_share',
  'committed',
  'reminders',
  'check_answered',
  ...CHECK_ANSWERS.map((answer) => `check_${answer}`),
  'questions_asked',
  'questions_unanswered_share',
  'answers_helpful_share',
  'meeting_kit',
  'paused',
];

/** JSON for tools: suppressed cells are the string "suppressed", with the k that applied. */
export function statsToJson(stats: TenantStats[], minGroupSize: number): string {
  return JSON.stringify({ minGroupSize, tenants: stats }, null, 2);
}

/**
 * CSV for spreadsheets: one row per tenant and theme, one row per tenant
 * with an empty theme for the tenant's totals (everyone who paused; a theme
 * row's paused counts those whose latest pause came after that theme), and
 * one row per tenant, pulse question and phase in the pulse_* columns.
 * «Meld fra» per month and the report delay have their own shape: they are in the JSON.
 * Suppressed cells read "<k", so no one mistakes them for zero.
 */
export function statsToCsv(stats: TenantStats[], minGroupSize: number): string {
  const cell = (value: Cell) => (isShown(value) ? String(value) : `<${minGroupSize}`);
  const rows = stats.flatMap((tenant) => [
    ...tenant.themes.map((theme) => [
      tenant.tenantId,
      theme.themeId,
      ...[theme.reached, theme.interacted, theme.quizAnswered, theme.quizCorrectShare, theme.committed].map(cell),
      cell(theme.reminders),
      cell(theme.checkAnswered),
      ...CHECK_ANSWERS.map((answer) => cell(theme.checks[answer])),
      cell(theme.questionsAsked),
      cell(theme.questionsUnansweredShare),
      cell(theme.answersHelpfulShare),
      cell(theme.meetingKits),
      cell(theme.paused),
    ]),
    [tenant.tenantId, '', ...COLUMNS.slice(2, -1).map(() => ''), cell(tenant.paused)],
    ...pulseCsvCells(tenant, cell).map((pulse) => [tenant.tenantId, ...COLUMNS.slice(1).map(() => ''), ...pulse]),
  ]);
  const header = [...COLUMNS, ...PULSE_COLUMNS];
  // Theme rows leave the pulse columns empty.
  const padded = rows.map((row) => [...row, ...header.slice(row.length).map(() => '')]);
  return [header, ...padded].map((row) => row.join(',')).join('\n') + '\n';
}
