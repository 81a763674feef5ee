import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. refleks never logs message text, report content, names
 * or e-mail addresses; the redaction list is a second line of defence for the
 * field names that could carry them if someone logs a whole object by mistake.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'refleks' },
      redact: {
        paths: [
          'text',
          '*.text',
          'name',
          '*.name',
          'email',
          '*.email',
          'from.name',
          'user.name',
          'body',
          '*.body',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'password',
          '*.password',
        ],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
