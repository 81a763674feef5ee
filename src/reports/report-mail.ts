import type { Catalogue } from '../i18n/catalogue';
import { interpolate } from '../i18n/catalogue';
import type { OutgoingMail, ReporterIdentity } from './delivery-ports';
import { escapeHtml, userTextBlock } from './escape-html';
import { osloDateTime } from '../calendar/oslo-time';
import type { OutboxItem, ReportContent } from './report-types';

/** The category in words: the report form's label, or «Spørsmål til IT». */
export function categoryLabel(item: Pick<OutboxItem, 'category'>, t: Catalogue): string {
  return item.category === 'question' ? t.reports.questionCategory : t.report.categories[item.category];
}

/** "[Meld fra] MF-2026-000123 — Mistenkelig e-post". Only our own words: no user text reaches a header. */
export function reportSubject(item: Pick<OutboxItem, 'reference' | 'kind' | 'category'>, t: Catalogue): string {
  const prefix = item.kind === 'question' ? t.reports.mail.questionSubjectPrefix : t.reports.mail.subjectPrefix;
  return `${prefix} ${item.reference} — ${categoryLabel(item, t)}`;
}

export function reporterLine(reporter: ReporterIdentity, aadObjectId: string, t: Catalogue): string {
  const who = [reporter.name, reporter.email && `<${reporter.email}>`].filter(Boolean).join(' ');
  const id = interpolate(t.reports.mail.teamsUser, { id: aadObjectId });
  return who ? `${who} · ${id}` : id;
}

const row = (label: string, valueHtml: string) =>
  `<tr><th align="left" valign="top" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td>${valueHtml}</td></tr>`;
const section = (label: string, text: string) =>
  text ? `<h3 style="margin:16px 0 4px">${escapeHtml(label)}</h3>${userTextBlock(text)}` : '';

/**
 * The e-mail IT support gets. Every value that came from the user or from
 * Teams is escaped and bidi-isolated; the reporter's name and e-mail exist
 * only here, looked up at sending time.
 */
export function buildReportMail(
  item: OutboxItem,
  content: ReportContent,
  reporter: ReporterIdentity,
  t: Catalogue,
  to: string,
): OutgoingMail {
  const m = t.reports.mail;
  const files = content.attachments.map((file) => escapeHtml(file.name)).join('<br>') || escapeHtml(m.none);
  const missing = content.missingFiles.length
    ? `<p>${escapeHtml(interpolate(m.missingFiles, { names: content.missingFiles.join(', ') }))}</p>`
    : '';
  const html = [
    '<html><body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px">',
    `<p>${escapeHtml(m.intro)}</p>`,
    '<table>',
    row(m.reference, escapeHtml(item.reference)),
    row(m.category, escapeHtml(categoryLabel(item, t))),
    item.kind === 'report' ? row(m.happenedAt, escapeHtml(content.happenedAt)) : '',
    row(m.reportedAt, escapeHtml(osloDateTime(item.createdAt))),
    row(m.reporter, `<span dir="auto">${escapeHtml(reporterLine(reporter, item.aadObjectId, t))}</span>`),
    row(m.attachments, `<span dir="auto">${files}</span>`),
    '</table>',
    section(m.description, content.description),
    section(m.details, content.details),
    missing,
    `<p style="color:#555">${escapeHtml(m.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, replyTo: reporter.email, subject: reportSubject(item, t), html, attachments: content.attachments };
}
