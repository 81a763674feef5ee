import type { CardName } from '../../src/cards/render-card';
import { LANGUAGES, type Language } from '../../src/content/languages';

export interface GalleryShot {
  label: string;
  /** Relative to index.html, so the gallery works when opened straight from disk. */
  file: string;
  problems: string[];
}

export interface GalleryItem {
  template: CardName;
  variant: string;
  language: Language;
  group: string;
  shots: GalleryShot[];
}

export interface GalleryIndexInput {
  groups: { id: string; title: string }[];
  items: GalleryItem[];
  /** The local rules file used, or undefined for the general wording. */
  localRules: string | undefined;
  languages?: readonly Language[];
}

// Record<CardName, …> makes the compiler ask for a heading when a template is added.
const TEMPLATE_TITLES: Record<CardName, string> = {
  welcome: 'Velkomst / Welcome',
  help: 'Hjelp / Help',
  'language-choice': 'Språkvalg / Language choice',
  nudge: 'Månedens tema / Monthly nudge',
  check: 'refleks-sjekk / Follow-up check',
  quiz: 'Quiz',
  'quiz-result': 'Quizsvar / Quiz result',
  answer: 'Svar på spørsmål / Answer to a question',
  'report-form': 'Meldeskjema / Report form',
  'report-receipt': 'Kvittering / Report receipt',
  'campaign-status': 'Kampanjestatus for administratorer / Campaign status (admins)',
  'confirm-send': 'Bekreft utsending (administratorer) / Confirm send (admins)',
  'it-channel-report': 'Melding i IT-kanalen / Report in the IT channel',
  urgent: 'Haster: gjør dette nå / Urgent steps',
  'question-fallback': 'Usikkert svar / Not sure: closest topics',
  'topic-summary': 'Tema i korte trekk / Topic summary',
  'my-data': 'Mine data / My data',
  'delete-data': 'Slett mine data / Delete my data',
  statistics: 'Statistikk for administratorer / Statistics (admins)',
  'meeting-kit': 'Møteopplegg for ledere / Meeting kit for leaders',
  'meeting-kit-choice': 'Velg tema for møteopplegg / Choose a theme for the meeting kit',
  'reminder-choice': 'Minn meg på det: velg dag / Remind me: pick a day',
  'reminder-set': 'Påminnelse avtalt / Reminder set',
  reminder: 'Påminnelsen / The reminder',
  pulse: 'refleks-puls før og etter / Pulse survey before and after',
  'pulse-thanks': 'Takk for pulssvarene / Pulse thank-you',
};

const LANGUAGE_TITLES: Record<Language, string> = { nb: 'Bokmål (nb)', nn: 'Nynorsk (nn)', en: 'English (en)' };

/** Escapes text for both element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
body{font-family:'Segoe UI',Arial,sans-serif;margin:24px;color:#242424;background:#fff;line-height:1.4}
h2{margin-top:48px;border-bottom:2px solid #5b5fc7;padding-bottom:4px} h3{margin-top:32px} h4{margin:20px 0 8px;color:#616161}
.scroll{overflow-x:auto} table{border-collapse:collapse} th,td{vertical-align:top;text-align:left;padding:6px 8px}
th[scope=row]{white-space:nowrap;color:#616161;font-weight:600} img{display:block;border:1px solid #ddd}
.problem{color:#a4262c;max-width:480px;font-size:13px} .warn{background:#fde7e9;border-left:4px solid #a4262c;padding:8px 16px} summary{cursor:pointer}
nav li{margin:2px 0} code{background:#f0f0f0;padding:0 4px}`;

function cell(item: GalleryItem | undefined, row: number): string {
  const shot = item?.shots[row];
  if (!item || !shot) return '<td>–</td>';
  const alt = `${TEMPLATE_TITLES[item.template]} – ${item.variant} – ${LANGUAGE_TITLES[item.language]} – ${shot.label}`;
  const problems = shot.problems.map((p) => `<p class="problem">⚠ ${escapeHtml(p)}</p>`).join('');
  return `<td><img src="${escapeHtml(shot.file)}" alt="${escapeHtml(alt)}" loading="lazy">${problems}</td>`;
}

/** One table per card variant: languages side by side, the views beneath each other. */
function variantTable(items: GalleryItem[], languages: readonly Language[]): string {
  const byLanguage = new Map(items.map((item) => [item.language, item]));
  const rowLabels = items[0]?.shots.map((shot) => shot.label) ?? [];
  const head = languages.map((l) => `<th scope="col">${escapeHtml(LANGUAGE_TITLES[l])}</th>`).join('');
  const rows = rowLabels.map(
    (label, row) =>
      `<tr><th scope="row">${escapeHtml(label)}</th>${languages.map((l) => cell(byLanguage.get(l), row)).join('')}</tr>`,
  );
  return `<div class="scroll"><table><tr><th></th>${head}</tr>${rows.join('\n')}</table></div>`;
}

/** Groups preserve the order the samples came in, which is the order the bot uses. */
function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

/** Builds the gallery's index.html; every text that goes in is escaped. */
export function buildGalleryIndex(input: GalleryIndexInput): string {
  const languages = input.languages ?? LANGUAGES;
  const problems = input.items.flatMap((item) =>
    item.shots.flatMap((shot) =>
      shot.problems.map((p) => `${item.group}/${item.variant}/${item.language} – ${shot.label}: ${p}`),
    ),
  );
  const rules = input.localRules
    ? `Lokale regler / Local rules: <code>${escapeHtml(input.localRules)}</code>`
    : 'Lokale regler / Local rules: ingen – kortene viser den generelle teksten / none – the cards show the general wording';
  // Collapsed: staff see the count and the notes under each picture; developers open the list.
  const warning = problems.length
    ? `<details class="warn"><summary><strong>⚠ Problemer funnet / Problems found (${problems.length})</strong> – ` +
      `tekst som er kuttet eller går utenfor kortet på mobil, eller kort som ikke kunne tegnes / text cut off or ` +
      `sticking out at phone width, or cards that failed to render</summary><ul>${problems
        .map((p) => `<li>${escapeHtml(p)}</li>`)
        .join('')}</ul></details>`
    : '<p>Ingen kort går utenfor kanten på mobil, og alle kort ble tegnet uten feil. / No card overflows at phone width, and every card rendered without errors.</p>';
  const groups = groupBy(input.items, (item) => item.group);
  const nav = input.groups
    .filter((g) => groups.has(g.id))
    .map((g) => `<li><a href="#${escapeHtml(g.id)}">${escapeHtml(g.title)}</a></li>`);
  const sections = input.groups.flatMap((group) => {
    const inGroup = groups.get(group.id);
    if (!inGroup) return [];
    const templates = [...groupBy(inGroup, (item) => item.template).values()].map((list) => {
      const variants = [...groupBy(list, (item) => item.variant).entries()];
      const tables = variants.map(
        ([variant, vs]) =>
          `${variants.length > 1 ? `<h4>${escapeHtml(variant)}</h4>` : ''}${variantTable(vs, languages)}`,
      );
      const title = list[0] ? TEMPLATE_TITLES[list[0].template] : '';
      return `<h3>${escapeHtml(title)}</h3>\n${tables.join('\n')}`;
    });
    return [
      `<section id="${escapeHtml(group.id)}"><h2>${escapeHtml(group.title)}</h2>\n${templates.join('\n')}</section>`,
    ];
  });
  return `<!doctype html>
<html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>refleks – kortgalleri / card gallery</title><style>${CSS}</style></head><body>
<h1>refleks – kortgalleri / card gallery</h1>
<p>Slik ser kortene ut i Teams: lyst og mørkt tema på PC, og på mobil. Språkene står side om side. /
The cards as Teams shows them: light and dark theme on desktop, and on a phone. The languages are side by side.</p>
<p>Skrifttypen kan avvike litt fra Teams, så linjeskift kan falle litt annerledes, og emoji kan vises som tomme
firkanter. Tekst som vises først når man klikker en knapp (f.eks. «Hvorfor er dette viktig?»), er ikke med på bildene. /
The font may differ slightly from Teams, so lines may break differently and emoji may show as empty boxes.
Text that only appears after clicking a button (e.g. "Why does this matter?") is not in the pictures.</p>
<p>${rules}</p>
${warning}
<nav><ul>${nav.join('')}</ul></nav>
${sections.join('\n')}
</body></html>
`;
}
