import { CATALOGUES } from '../../src/i18n/catalogue';
import { cleanFileName, escapeHtml, userTextBlock } from '../../src/reports/escape-html';
import { formatReference } from '../../src/reports/reference-number';
import { buildReportMail, reportSubject } from '../../src/reports/report-mail';
import type { OutboxItem } from '../../src/reports/report-types';
import { backoffMs, classifyHttpFailure, nextStep, type RetryPolicy } from '../../src/reports/retry-policy';
import { validateReportForm } from '../../src/reports/validate-report-form';

const nb = CATALOGUES.nb;
const NOW = new Date('2026-03-04T13:30:00Z'); // 14:30 in Oslo (winter time)

describe('the Meld fra form', () => {
  it('accepts a category alone, with "now" as the time', () => {
    expect(validateReportForm({ category: 'lost-device' }, nb, 'nb', NOW)).toEqual({
      ok: true,
      report: { category: 'lost-device', description: '', details: '', happenedAt: '2026-03-04 14:30' },
    });
  });

  it('keeps every typed value when it lists the errors, in the user language', () => {
    const typed = {
      description: 'x'.repeat(4001),
      details: 'y'.repeat(1001),
      whenDate: '2026-03-05',
      whenTime: '09:00',
    };
    const result = validateReportForm(typed, CATALOGUES.nn, 'nn', NOW);
    expect(result).toEqual({
      ok: false,
      values: { category: '', ...typed },
      errors: [
        'Vel kva som har skjedd.',
        // Numbers as nynorsk writes them, with a space that never breaks the line.
        'Skildringa kan vere på høgst 4\u00a0000 teikn.',
        'Avsendar, emne eller lenke kan vere på høgst 1\u00a0000 teikn.',
        'Tidspunktet ligg fram i tid. Vel når det skjedde, eller la felta stå tomme for «no».',
      ],
    });
  });

  it.each([
    [{ category: 'other' }, nb.reports.descriptionRequired],
    [{ category: 'wifi' }, nb.report.categoryRequired],
    [{ category: 'other', description: 'x', whenDate: '04.03.2026' }, nb.reports.whenInvalid],
    [{ category: 'other', description: 'x', whenDate: '2026-02-30', whenTime: '25:99' }, nb.reports.whenInvalid],
  ])('refuses %j', (data, error) => {
    const result = validateReportForm(data, nb, 'nb', NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContain(error);
  });

  it('takes a date alone, and normalises line breaks', () => {
    const result = validateReportForm(
      { category: 'other', description: ' a\r\nb ', whenDate: '2026-03-01' },
      nb,
      'nb',
      NOW,
    );
    expect(result).toMatchObject({ ok: true, report: { description: 'a\nb', happenedAt: '2026-03-01 12:00' } });
  });
});

describe('escaping', () => {
  const injections = [
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'Bcc: x@example.com\r\nSubject: hi\u0000\u0007',
    'x'.repeat(10_000),
    '🔒👩🏽‍💻',
    'שלום \u202Etxt.exe',
  ];

  it.each(injections.map((text) => [text.slice(0, 40), text]))('makes %j inert HTML', (_label, text) => {
    const html = userTextBlock(text);
    // Inside the one wrapping element: nothing but escaped text and the line breaks we add.
    const inner = html.slice(html.indexOf('>') + 1, html.lastIndexOf('<')).replace(/<br>/g, '');
    expect(inner).not.toMatch(/[<>"'\r]/);
    expect([...inner].some((c) => c.charCodeAt(0) < 9)).toBe(false);
    expect(html.startsWith('<div dir="auto"')).toBe(true);
  });

  it('keeps the text readable', () => {
    expect(escapeHtml('a & b < c > "d" \'e\'')).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39;');
    expect(userTextBlock('a\nb')).toContain('a<br>b');
    expect(escapeHtml('🔒👩🏽‍💻 שלום')).toBe('🔒👩🏽‍💻 שלום');
  });

  it('cleans file names of paths, line breaks and bidi overrides', () => {
    expect(cleanFileName('..\\..//etc/passwd')).toBe('.._..__etc_passwd');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('a\r\nb.png')).toBe('ab.png');
    expect(cleanFileName('   ')).toBe('attachment');
    expect(cleanFileName('x'.repeat(400))).toHaveLength(150);
  });
});

describe('the mail to IT', () => {
  const item: OutboxItem = {
    reference: formatReference(2026, 123),
    kind: 'report',
    category: 'suspicious-email',
    tenantId: 't',
    aadObjectId: 'a1',
    language: 'en',
    status: 'delivering',
    attempts: 0,
    createdAt: NOW,
    nextAttemptAt: NOW,
    noticeAttempts: 0,
  };
  const content = {
    description: '<b>x</b>'.repeat(1250),
    details: '',
    happenedAt: '2026-03-04 14:00',
    attachments: [],
    missingFiles: [],
  };

  it('has the reference and category in the subject, in nb, nn and en', () => {
    expect(formatReference(2026, 123)).toBe('MF-2026-000123');
    expect(reportSubject(item, nb)).toBe('[Meld fra] MF-2026-000123 — Mistenkelig e-post');
    expect(reportSubject(item, CATALOGUES.nn)).toBe('[Meld frå] MF-2026-000123 — Mistenkeleg e-post');
    expect(reportSubject({ ...item, kind: 'question', category: 'question' }, CATALOGUES.en)).toBe(
      '[Ask IT] MF-2026-000123 — Question for IT',
    );
  });

  it('escapes a 10,000-character description and names the reporter, or the Entra id alone', () => {
    const mail = buildReportMail(item, content, { name: '<Kari>', email: 'kari@k.example' }, nb, 'it@k.example');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;b&gt;x&lt;/b&gt;'.repeat(1250));
    expect(mail.html).toContain('&lt;Kari&gt; &lt;kari@k.example&gt; · Teams-bruker med Entra-objekt-ID a1');
    expect(mail.replyTo).toBe('kari@k.example');
    const anonymous = buildReportMail(item, content, {}, nb, 'it@k.example');
    expect(anonymous.html).toContain('Teams-bruker med Entra-objekt-ID a1');
    expect(anonymous.replyTo).toBeUndefined();
  });
});

describe('retries', () => {
  const policy: RetryPolicy = { firstRetryMs: 1000, maxDelayMs: 60_000, giveUpMs: 3_600_000 };
  const created = { createdAt: NOW, attempts: 0 };
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  it('backs off exponentially with jitter, capped', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy, () => 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffMs(3, policy, () => 0)).toBe(2000);
    expect(backoffMs(30, policy, () => 1)).toBe(60_000);
  });

  it('honours Retry-After, gives up on 400 and 413 and after the give-up time', () => {
    const retry = (failure: Parameters<typeof classifyHttpFailure>[0], now = NOW, attempts = 1) =>
      nextStep({ ...created, attempts }, classifyHttpFailure(failure), now, policy, () => 1);
    expect(retry({ httpStatus: 429, retryAfterMs: 7000 })).toEqual({ status: 'pending', nextAttemptAt: at(7000) });
    expect(retry({ httpStatus: 503 })).toEqual({ status: 'pending', nextAttemptAt: at(1000) });
    expect(retry({ code: 'timeout' })).toEqual({ status: 'pending', nextAttemptAt: at(1000) });
    expect(retry({ httpStatus: 403, code: 'ErrorAccessDenied' })).toMatchObject({ status: 'pending' });
    expect(retry({ httpStatus: 400 })).toEqual({ status: 'failed' });
    expect(retry({ httpStatus: 413 })).toEqual({ status: 'failed' });
    // The last try falls on the deadline itself; after it, give up.
    expect(retry({ httpStatus: 503 }, at(3_599_500))).toEqual({ status: 'pending', nextAttemptAt: at(3_600_000) });
    expect(retry({ httpStatus: 503 }, at(3_600_000))).toEqual({ status: 'failed' });
  });

  it('says what failed without content', () => {
    expect(classifyHttpFailure({ httpStatus: 503, code: 'ServiceUnavailable' }).reason).toBe(
      'http 503 ServiceUnavailable',
    );
    expect(classifyHttpFailure({}).reason).toBe('network');
  });
});
