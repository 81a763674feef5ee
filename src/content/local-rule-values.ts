import { CATALOGUES, interpolate } from '../i18n/catalogue';
import type { Language } from './languages';
import type { Placeholder } from './local-rule-placeholders';
import type { LocalRules, NameText } from './local-rules-schema';

export const DEFAULT_MIN_PASSWORD_LENGTH = 12;

function nameIn(name: NameText | undefined, language: Language): string | undefined {
  if (name === undefined) return undefined;
  return typeof name === 'string' ? name : name[language];
}

function withDetail(main: string, detail: string | undefined): string {
  return detail ? `${main} (${detail})` : main;
}

/** "A", "A eller B", "A, B eller C". */
function listWithOr(items: string[], or: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${or} ${items[items.length - 1]}`;
}

/** What each placeholder becomes in one language, configured or not. */
export function localRuleValues(rules: LocalRules, language: Language): Record<Placeholder, string> {
  const text = CATALOGUES[language].localRules;
  const phone = rules.itSupport?.phone ? interpolate(text.phone, { phone: rules.itSupport.phone }) : undefined;
  const storage = rules.approvedStorage?.map((place) => nameIn(place, language) ?? '');
  return {
    itSupport: withDetail(nameIn(rules.itSupport?.name, language) ?? text.itSupport, phone),
    incidentSystem: withDetail(
      nameIn(rules.incidentSystem?.name, language) ?? text.incidentSystem,
      rules.incidentSystem?.url,
    ),
    minPasswordLength: String(rules.minPasswordLength ?? DEFAULT_MIN_PASSWORD_LENGTH),
    approvedStorage: storage ? listWithOr(storage, text.or) : text.approvedStorage,
    secureChannel: rules.secureChannel
      ? withDetail(nameIn(rules.secureChannel.name, language) ?? text.secureChannel, rules.secureChannel.url)
      : text.secureChannel,
    consentForm: rules.consentFormUrl
      ? interpolate(text.consentFormWithLink, { url: rules.consentFormUrl })
      : text.consentForm,
    passwordChange: rules.passwordChangeUrl
      ? interpolate(text.passwordChangeWithLink, { url: rules.passwordChangeUrl })
      : text.passwordChange,
  };
}
