import type { PulsePhase } from '../content/pulse-schema';
import { normalizeCommandText } from './match-command';
import { ADMIN_VERBS, type AdminCommand } from './parse-admin-command';

export type PulseCommand = { verb: AdminCommand['verb']; phase?: PulsePhase };

const NOUNS = new Set(['puls', 'pulsen', 'pulse']);
const PHASES: Record<string, PulsePhase> = { før: 'before', before: 'before', etter: 'after', after: 'after' };

/** "send puls før", "preview pulse after"; without a known phase the admin is told how to write it. */
export function parsePulseCommand(text: string | undefined): PulseCommand | undefined {
  // Every message passes through here; one word more than a command has is enough to tell it is none.
  const [verbWord, noun, phaseWord, ...rest] = normalizeCommandText(text ?? '').split(' ', 4);
  const verb = ADMIN_VERBS[verbWord ?? ''];
  if (!verb || !NOUNS.has(noun ?? '') || rest.length > 0) return undefined;
  return { verb, phase: PHASES[phaseWord ?? ''] };
}
