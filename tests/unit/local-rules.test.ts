import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalRulesError, loadLocalRules, parseLocalRules } from '../../src/content/load-local-rules';
import { localRuleValues } from '../../src/content/local-rule-values';
import { exampleRules } from '../support/content';

/** What a start-up with these rules would print: the error's message, or "accepted". */
function messageOf(load: () => unknown): string {
  try {
    load();
    return 'accepted';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('local rules', () => {
  it('fall back to natural general wording when nothing is configured', () => {
    expect(loadLocalRules(undefined)).toEqual({});
    expect(localRuleValues({}, 'nb')).toMatchObject({
      itSupport: 'IT-brukerstøtte',
      minPasswordLength: '12',
      incidentSystem: 'avvikssystemet',
    });
    expect(localRuleValues({}, 'nn').itSupport).toBe('IT-brukarstøtta');
    expect(localRuleValues({}, 'en').approvedStorage).toBe("the municipality's approved storage");
  });

  it('render configured values in each language', () => {
    expect(localRuleValues(exampleRules, 'nb')).toMatchObject({
      itSupport: 'Servicedesken (tlf. 22 33 44 55)',
      approvedStorage: 'OneDrive, Teams eller sak- og arkivsystemet',
      // Stored as the browser writes it, with the slash after the host.
      secureChannel: 'SvarUt (https://svarut.ks.no/)',
      minPasswordLength: '14',
    });
    expect(localRuleValues(exampleRules, 'en')).toMatchObject({
      itSupport: 'the Service Desk (phone 22 33 44 55)',
      approvedStorage: 'OneDrive, Teams or the case management system',
    });
  });

  it('reject wrong values with the field and what to write', () => {
    const attempt = (yaml: string) => () => parseLocalRules('rules.yaml', yaml);
    expect(attempt('incidentSystem:\n  url: http://avvik.example')).toThrow(
      /incidentSystem\.url: must be a full https:\/\/ address/,
    );
    expect(attempt('minPasswordLength: 4')).toThrow(/minPasswordLength: must be at least 8/);
    expect(attempt('itSupport:\n  phone: call us')).toThrow(/itSupport\.phone: must be a phone number/);
    expect(attempt('itSupprt: {}')).toThrow(LocalRulesError);
    expect(attempt('a: [')).toThrow(/YAML syntax/);
    expect(() => loadLocalRules('/no/such/file.yaml')).toThrow(/LOCAL_RULES_FILE/);
  });

  it('refuse addresses that are broken or would put markup, a raw placeholder or another host in front of users', () => {
    const problem = (url: string) =>
      /consentFormUrl: (.*)/.exec(
        messageOf(() => parseLocalRules('rules.yaml', `consentFormUrl: ${JSON.stringify(url)}`)),
      )?.[1];
    expect(problem('https:/kommune.no/x')).toMatch(/^must be a full https:\/\/ address, such as "https:/);
    expect(problem('https:kommune.no/x')).toMatch(/^must be a full https:\/\/ address/);
    expect(problem('javascript:alert(1)')).toMatch(/^must be a full https:\/\/ address/);
    expect(problem('https://kommune')).toMatch(/^needs a full host name with a dot/);
    expect(problem('https://10.0.0.1/samtykke')).toMatch(/^needs a full host name with a dot/);
    expect(problem('https://kommune.no/samtykke skjema')).toMatch(/^must not contain spaces.*%20/);
    expect(problem('https://x.no/a)[klikk](https://evil.example)')).toMatch(/^must not contain any of \[ \]/);
    expect(problem('https://evil.example/**bold**')).toMatch(/^must not contain any of/);
    expect(problem('https://x.no/{itSupport}')).toMatch(/^must not contain any of.*%7B/);
    expect(problem('https://kommune.no@evil.example/')).toMatch(/^must not have a user name/);
  });

  it('stop start-up with every problem in the file, each naming the field and what to write', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'refleks-rules-')), 'rules.yaml');
    const lines = [
      'itSupport:',
      '  name: "[Ring oss](https://evil.example)"',
      '  phone: "ring oss"',
      '  portalUrl: https://kommune',
      'consentFormUrl: "https://kommune.no@evil.example/"',
    ];
    writeFileSync(file, lines.join('\n'));
    expect(() => loadLocalRules(file)).toThrow(LocalRulesError);
    const message = messageOf(() => loadLocalRules(file));
    expect(message.split('\n')).toEqual([
      `The local rules file ${file} (LOCAL_RULES_FILE) needs fixing:`,
      '  - itSupport.name: must be plain text, without any of [ ] { } < > * ` \\',
      '  - itSupport.phone: must be a phone number such as "22 33 44 55" or "+47 22 33 44 55"',
      '  - itSupport.portalUrl: needs a full host name with a dot, such as "https://kommune.no/samtykke"',
      '  - consentFormUrl: must not have a user name before the host (nothing@ after https://)',
    ]);
  });

  it('store addresses as the browser writes them', () => {
    const rules = parseLocalRules(
      'rules.yaml',
      'consentFormUrl: " HTTPS://Kommune.NO "\nincidentSystem:\n  url: https://bøker.no/avvik',
    );
    expect(rules.consentFormUrl).toBe('https://kommune.no/');
    expect(rules.incidentSystem?.url).toBe('https://xn--bker-gra.no/avvik');
    expect(parseLocalRules('r', 'passwordChangeUrl: https://kommune.no/Samtykke_(skjema).aspx?a=1#b')).toEqual({
      passwordChangeUrl: 'https://kommune.no/Samtykke_(skjema).aspx?a=1#b',
    });
  });

  it('take names as plain short text and phone numbers with digits', () => {
    const attempt = (yaml: string) => () => parseLocalRules('rules.yaml', yaml);
    const plain = /must be plain text, without any of \[ \] \{ \} < > \* ` \\/;
    expect(attempt('itSupport:\n  name: "[Ring oss](https://evil.example)"')).toThrow(
      new RegExp(`itSupport\\.name: ${plain.source}`),
    );
    expect(attempt('itSupport:\n  name: "Desk {phone}"')).toThrow(plain);
    expect(attempt('itSupport:\n  name: "**Servicedesken**"')).toThrow(plain);
    expect(attempt('itSupport:\n  name: "Service\\n\\n# desk"')).toThrow(/itSupport\.name: must be one line/);
    expect(attempt('itSupport:\n  name: "Desk \\u202Eevil"')).toThrow(
      /must be one line, without line breaks or invisible/,
    );
    expect(attempt(`secureChannel:\n  name: { nb: SvarUt, nn: SvarUt, en: "${'x'.repeat(81)}" }`)).toThrow(
      /secureChannel\.name\.en: must be at most 80 characters/,
    );
    expect(attempt('approvedStorage: [OneDrive, "  "]')).toThrow(/approvedStorage\[1\]: must not be empty/);
    expect(attempt('itSupport:\n  phone: "      "')).toThrow(/itSupport\.phone: must be a phone number/);
    expect(attempt('itSupport:\n  email: "a@b"')).toThrow(/itSupport\.email: must be an e-mail address/);
    expect(parseLocalRules('r', 'itSupport:\n  name: " Servicedesken "\n  phone: " +47 22 33 44 55 "')).toEqual({
      itSupport: { name: 'Servicedesken', phone: '+47 22 33 44 55' },
    });
  });
});
