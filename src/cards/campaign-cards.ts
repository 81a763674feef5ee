import type { MessageKind } from '../calendar/campaign-schedule';
import { pulsePhaseOf } from '../calendar/pulse-schedule';
import type { Language } from '../content/languages';
import type { PulsePhase } from '../content/pulse-schema';
import type { ThemeLibrary } from '../content/theme-library';
import type { ThemeId } from '../content/theme-schema';
import type { AdaptiveCard } from '../domain/turn';
import { interpolate, type Catalogue } from '../i18n/catalogue';
import { formatNumber } from '../i18n/format-number';
import type { CampaignStatus, MessageStatus } from '../rollout/campaign-service';
import type { CardRenderer } from './render-card';

const LOCALES: Record<Language, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };

/** A date and time in Oslo, in the reader's language. */
export function when(date: Date, language: Language): string {
  return date.toLocaleString(LOCALES[language], { timeZone: 'Europe/Oslo', dateStyle: 'medium', timeStyle: 'short' });
}

function describe(message: MessageStatus, t: Catalogue, language: Language): string {
  if (message.state === 'missed') return t.admin.stateMissed;
  if (message.state === 'upcoming')
    return interpolate(t.admin.stateUpcoming, { when: message.slot ? when(message.slot, language) : '' });
  const c = message.counts ?? { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  return interpolate(t.admin.stateStarted, {
    sent: formatNumber(c.sent, language),
    failed: formatNumber(c.failed, language),
    pending: formatNumber(c.pending + c.sending, language),
    skipped: formatNumber(c.skipped, language),
  });
}

/** The admin's calendar: what was sent when, with counts, and what comes next. Aggregates only. */
export function campaignStatusCard(
  render: CardRenderer,
  t: Catalogue,
  language: Language,
  themes: ThemeLibrary,
  status: CampaignStatus,
): AdaptiveCard {
  // A pulse goes out with a theme but is about none: it is named as the pulse, with its phase.
  const named = (m: { themeId: ThemeId; kind: MessageKind }) => {
    const phase = pulsePhaseOf(m.kind);
    if (phase) return { title: t.pulse.name, kind: t.pulse.phase[phase] };
    return {
      title: themes.text(m.themeId, language).title,
      kind: m.kind === 'nudge' ? t.admin.kindNudge : t.admin.kindCheck,
    };
  };
  const rows = status.messages.map((m) => {
    const { title, kind } = named(m);
    return { title: `${title} (${kind})`, value: describe(m, t, language) };
  });
  const next = status.next
    ? interpolate(t.admin.statusNext, {
        ...named(status.next),
        when: when(status.next.slot, language),
      })
    : status.scheduled
      ? t.admin.statusNone
      : t.admin.statusNoSchedule;
  return render('campaign-status', {
    t,
    state: status.paused ? t.admin.statusPaused : t.admin.statusRunning,
    next,
    rows,
  });
}

export function confirmSendCard(render: CardRenderer, t: Catalogue, themeId: string, title: string): AdaptiveCard {
  return render('confirm-send', {
    t,
    title: interpolate(t.admin.confirmTitle, { title }),
    text: t.admin.confirmText,
    confirmData: { action: 'admin-send-confirm', theme: themeId },
  });
}

/** The same confirmation step for the pulse of a phase. */
export function confirmPulseCard(render: CardRenderer, t: Catalogue, phase: PulsePhase): AdaptiveCard {
  return render('confirm-send', {
    t,
    title: interpolate(t.admin.confirmTitle, { title: `${t.pulse.name} ${t.pulse.phase[phase]}` }),
    text: t.pulse.admin.confirmText,
    confirmData: { action: 'admin-pulse-confirm', phase },
  });
}
