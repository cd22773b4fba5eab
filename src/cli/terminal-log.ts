import pino, { type Logger } from 'pino';
import type { ProgressSink } from './progress.js';

const LEVELS: Readonly<Record<number, string>> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warning', 50: 'error', 60: 'fatal' };
// Fields that say where; the rest of a log line's fields are for machines.
const WHERE = ['file', 'dir', 'cache', 'path'];

/** One pino JSON line as a person reads it: `warning: 2020/x.txt: no date header; date unknown`. */
export function humanLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const level = LEVELS[Number(entry.level)] ?? 'log';
  const where = WHERE.map((k) => entry[k]).find((v): v is string => typeof v === 'string');
  const err = typeof entry.err === 'string' ? ` (${entry.err})` : '';
  return `${level}: ${where ? `${where}: ` : ''}${String(entry.msg ?? '')}${err}`;
}

/**
 * The command line's logger. In a terminal, log lines are written as short sentences (and the
 * progress bar is cleared first so they don't land on top of it); elsewhere they stay pino's
 * JSON lines, for log collectors.
 */
export function createCliLogger(level: string, err: ProgressSink, beforeWrite: () => void = () => {}): Logger {
  const redact = { paths: ['token', '*.token', 'config.token', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' };
  if (!err.isTTY) return pino({ level, redact }, { write: (s: string) => void err.write(s) });
  return pino(
    { level, redact },
    {
      write: (s: string) => {
        beforeWrite();
        err.write(`${humanLine(s)}\n`);
      },
    },
  );
}
