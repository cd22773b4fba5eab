import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs on stderr, so that stdout stays the command's own output (JSON, batch lines).
 * The token is redacted wherever it might appear in a logged object.
 */
export function createLogger(level = 'info'): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
    },
    pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that drops everything, for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
