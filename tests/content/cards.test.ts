import { listSampleCards } from '../../src/cards/list-sample-cards';
import { CARD_NAMES } from '../../src/cards/render-card';
import { MAX_CARD_BYTES, validateCard } from '../../src/cards/validate-card';
import { exampleRules, hostConfig, pulse, render, themes } from '../support/content';

const withoutRules = listSampleCards(render, themes, {}, { pulse });
const withRules = listSampleCards(render, themes, exampleRules, { pulse });

describe('every rendered card', () => {
  it('covers every template, theme and language', () => {
    expect(new Set(withoutRules.map((s) => s.template))).toEqual(new Set(CARD_NAMES));
    const nudges = withoutRules.filter((s) => s.template === 'nudge');
    expect(nudges.filter((s) => s.variant === 'nudge')).toHaveLength(30);
  });

  it.each(['teams-light', 'teams-dark'] as const)(
    'parses clean in the Adaptive Cards SDK with the %s host config',
    (name) => {
      const config = hostConfig(name);
      const problems = [...withoutRules, ...withRules].flatMap((sample) =>
        validateCard(sample.card, config).map(
          (p) => `${sample.variant}/${sample.themeId ?? '-'}/${sample.language}: ${p}`,
        ),
      );
      expect(problems).toEqual([]);
    },
  );

  it(`stays under ${MAX_CARD_BYTES} bytes`, () => {
    const largest = Math.max(...withRules.map((s) => Buffer.byteLength(JSON.stringify(s.card))));
    expect(largest).toBeLessThanOrEqual(MAX_CARD_BYTES);
  });

  it('shows the local rules when configured and general wording when not', () => {
    const receipt = (samples: typeof withRules) =>
      JSON.stringify(samples.find((s) => s.variant === 'report-receipt-lost-device' && s.language === 'nb')?.card);
    expect(receipt(withRules)).toContain('Servicedesken (tlf. 22 33 44 55)');
    expect(receipt(withoutRules)).toContain('Ring IT-brukerstøtte nå');
    const fallback = (samples: typeof withRules) =>
      JSON.stringify(samples.find((s) => s.template === 'question-fallback' && s.language === 'nn')?.card);
    expect(fallback(withRules)).toContain(
      'Du kan òg spørje Servicedesken (tlf. 22 33 44 55) eller skrive til servicedesk@kommune.example.',
    );
    expect(fallback(withRules)).toContain(
      '{"type":"Action.OpenUrl","title":"Opne IT-portalen","url":"https://servicedesk.kommune.example/"}',
    );
    expect(fallback(withoutRules)).toContain('Du kan òg spørje IT-brukarstøtta.');
    expect(fallback(withoutRules)).not.toContain('Action.OpenUrl');
  });

  it('says in every nudge and pulse why it came and how to pause', () => {
    for (const sample of withoutRules.filter((s) => s.template === 'nudge' || s.template === 'pulse')) {
      const text = JSON.stringify(sample.card);
      expect(text).toMatch(/pause/);
      expect(text).toMatch(/KS/);
    }
  });
});

describe('the validator itself', () => {
  const config = hostConfig('teams-light');
  it('catches SDK warnings, size, missing alt text, colour-only meaning and leftovers', () => {
    const bad = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'Image', url: 'https://example.com/a.png' },
        { type: 'TextBlock', text: 'Wrong', color: 'attention' },
        { type: 'TextBlock', text: 'Call {itSupport} ${missing}' },
        { type: 'Input.Text', id: 'x', isRequired: true },
        { type: 'NoSuchElement' },
        { type: 'TextBlock', text: 'x'.repeat(MAX_CARD_BYTES) },
      ],
    };
    const problems = validateCard(bad, config).join('\n');
    expect(problems).toMatch(/altText/);
    expect(problems).toMatch(/colour attention/);
    expect(problems).toMatch(/unexpanded template/);
    expect(problems).toMatch(/raw placeholder \{itSupport\}/);
    expect(problems).toMatch(/label/);
    expect(problems).toMatch(/Unknown element type/);
    expect(problems).toMatch(/bytes/);
  });
});
