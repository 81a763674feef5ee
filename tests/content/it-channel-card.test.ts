import { fitText, jsonBytes } from '../../src/cards/fit-text';
import { CARD_TEXT_BUDGET, itChannelCard } from '../../src/cards/it-channel-card';
import { MAX_CARD_BYTES, validateCard } from '../../src/cards/validate-card';
import { LANGUAGES } from '../../src/content/languages';
import { textsFor } from '../../src/i18n/texts-for';
import { exampleRules, hostConfig, render } from '../support/content';

/** The characters that cost the most bytes each once a card is sent as JSON. */
const COSTLY = {
  chinese: '漢',
  quote: '"',
  backslash: '\\',
  'line feed': '\n',
  'control character': '\u0001',
  'lone surrogate': '\ud800',
  'emoji sequence': '🧑‍💻',
};

const NORWEGIAN_4000 = 'Jeg fikk en rar e-post fra «banken» om at kontoen min er sperret, og lenken så nesten ekte ut. '
  .repeat(50)
  .slice(0, 4000);

describe('the IT channel card', () => {
  it.each(Object.entries(COSTLY))(
    'stays under 28 KB and parses clean with the most %s text anyone can send',
    (_n, c) => {
      for (const language of LANGUAGES) {
        const t = textsFor(language, exampleRules);
        const category = Object.values(t.report.categories).sort((a, b) => b.length - a.length)[0] ?? '';
        for (const kind of ['report', 'question'] as const) {
          for (const handledAt of [undefined, '2026-03-04 15:02']) {
            const card = itChannelCard(render, t, {
              reference: 'MF-2026-999999',
              kind,
              category,
              happenedAt: '2026-03-04 14:30',
              reportedBy: c.repeat(256),
              content: {
                description: c.repeat(100_000),
                details: c.repeat(10_000),
                attachmentNames: Array.from({ length: 2000 }, (_v, i) => `${c.repeat(150)}${i}.png`),
              },
              fullText: 'reporter',
              handledAt,
            });
            // Well under Teams' limit, leaving room for the activity around the card.
            expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES - 8 * 1024);
            expect(validateCard(card, hostConfig('teams-light'))).toEqual([]);
          }
        }
      }
    },
  );

  it('says the text is shortened and where the rest is; the button carries only what the outbox lacks', () => {
    const t = textsFor('nb', {});
    const input = {
      reference: 'MF-2026-000001',
      kind: 'report' as const,
      category: 'Mistenkelig e-post',
      happenedAt: '2026-03-04 14:30',
      reportedBy: 'Kari Nordmann',
      // The longest description the form takes, in ordinary Norwegian.
      content: { description: NORWEGIAN_4000, details: '', attachmentNames: [] },
    };
    const whole = JSON.stringify(itChannelCard(render, t, { ...input, fullText: 'mail' }));
    expect(whole).toContain(JSON.stringify(NORWEGIAN_4000).slice(1, -1));
    expect(whole).not.toContain('forkortet');
    const long = { ...input, content: { ...input.content, description: '漢'.repeat(4000) } };
    expect(JSON.stringify(itChannelCard(render, t, { ...long, fullText: 'mail' }))).toContain(
      'Teksten er forkortet her. Hele teksten står i e-posten med samme referanse.',
    );
    const card = itChannelCard(render, t, { ...long, fullText: 'reporter' });
    expect(JSON.stringify(card)).toContain('Teksten er forkortet her. Be den som meldte fra om resten.');
    // The text comes back with «Behandlet» as shown, so the handled card can show it after the outbox deleted it.
    const action = (card.actions as { data: Record<string, unknown> }[])[0];
    expect(action?.data).toMatchObject({
      reference: 'MF-2026-000001',
      happenedAt: '2026-03-04 14:30',
      reportedBy: 'Kari Nordmann',
      details: '',
      attachmentNames: '',
      shortened: true,
    });
    expect(String(action?.data.description)).toMatch(/^漢+…$/);
  });

  it('cuts text by its bytes on the wire, at whole characters', () => {
    expect(fitText('abc', 3)).toEqual({ text: 'abc', shortened: false });
    expect(fitText('a\u0001b\u0007c', 3)).toEqual({ text: 'abc', shortened: false });
    const emoji = fitText('🧑‍💻'.repeat(10), 40);
    expect(emoji.shortened).toBe(true);
    // 11 bytes each: three fit in 40 with the ellipsis, and no sequence is split.
    expect(emoji.text).toBe(`${'🧑‍💻'.repeat(3)}…`);
    for (const text of ['"'.repeat(5000), '漢'.repeat(5000), '\ud800'.repeat(5000)]) {
      const fitted = fitText(text, CARD_TEXT_BUDGET.details);
      expect(fitted.shortened).toBe(true);
      expect(jsonBytes(fitted.text)).toBeLessThanOrEqual(CARD_TEXT_BUDGET.details);
      expect(jsonBytes(fitted.text)).toBeGreaterThan(CARD_TEXT_BUDGET.details - 10);
    }
  });
});
