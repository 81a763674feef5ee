import { LocalRulesError, loadLocalRules, parseLocalRules } from '../../src/content/load-local-rules';
import { localRuleValues } from '../../src/content/local-rule-values';
import { exampleRules } from '../support/content';

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
      secureChannel: 'SvarUt (https://svarut.ks.no)',
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
});
