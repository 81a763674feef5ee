import { osloDateTime } from '../../calendar/oslo-time';
import { isThemeId } from '../../content/theme-library';
import type { EventStore, QuestionFact, ReportMonthFact } from '../event-store';
import type { SqliteDatabase } from './open-sqlite';

const osloMonth = (iso: string) => osloDateTime(new Date(iso)).slice(0, 7);

/**
 * The facts behind questions per theme and «Meld fra» reports per month.
 * Pseudonyms are read only to count distinct people and never leave here.
 */
export function createSqliteEffectFacts(db: SqliteDatabase): Pick<EventStore, 'questionFacts' | 'reportMonthFacts'> {
  // Someone who asked twice, once answered and once not, is one person who asked and one who went unanswered.
  const questions = db.prepare(`
    SELECT tenant_id, theme_id, COUNT(DISTINCT pseudonym) AS asked,
           COUNT(DISTINCT CASE WHEN value = 'unanswered' THEN pseudonym END) AS unanswered
      FROM events WHERE type = 'question-asked' AND theme_id IS NOT NULL
     GROUP BY tenant_id, theme_id`);
  // Oslo months need the time zone rules, so the grouping is done here rather than in SQL; reports are few.
  const reports = db.prepare("SELECT tenant_id, pseudonym, at FROM events WHERE type = 'report-sent'");

  return {
    async questionFacts() {
      const rows = questions.all() as { tenant_id: string; theme_id: string; asked: number; unanswered: number }[];
      return rows.flatMap((row): QuestionFact[] =>
        isThemeId(row.theme_id)
          ? [{ tenantId: row.tenant_id, themeId: row.theme_id, asked: row.asked, unanswered: row.unanswered }]
          : [],
      );
    },
    async reportMonthFacts() {
      const people = new Map<string, Set<string>>();
      for (const row of reports.iterate() as Iterable<{ tenant_id: string; pseudonym: string; at: string }>) {
        const key = `${row.tenant_id}\n${osloMonth(row.at)}`;
        people.set(key, (people.get(key) ?? new Set()).add(row.pseudonym));
      }
      return [...people].map(([key, who]): ReportMonthFact => {
        const [tenantId = '', month = ''] = key.split('\n');
        return { tenantId, month, people: who.size };
      });
    },
  };
}
