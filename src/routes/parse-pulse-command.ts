import type { PulsePhase } from '../content/pulse-schema';
import { normalizeCommandText } from './match-command';

export type PulseCommand = { verb: 'preview' | 'send'; phase?: PulsePhase };

const VERBS: Record<string, PulseCommand['verb']> = {
  preview: 'preview',
  forhåndsvis: 'preview',
  førehandsvis: 'preview',
  send: 'send',
};
const NOUNS = new Set(['puls', 'pulsen', 'pulse']);
const PHASES: Record<string, PulsePhase> = { før: 'before', before: 'before', etter: 'after', after: 'after' };

/** "send puls før", "preview pulse after"; without a known phase the admin is told how to write it. */
export function parsePulseCommand(text: string | undefined): PulseCommand | undefined {
  const [verbWord, noun, phaseWord, ...rest] = normalizeCommandText(text ?? '').split(' ');
  const verb = VERBS[verbWord ?? ''];
  if (!verb || !NOUNS.has(noun ?? '') || rest.length > 0) return undefined;
  return { verb, phase: PHASES[phaseWord ?? ''] };
}
