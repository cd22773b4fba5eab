import type { Logger } from './log.js';

/**
 * On SIGINT or SIGTERM, runs `stop` once and exits: 0 when it finishes, 1 when it fails or takes
 * longer than `deadlineMs` (Discord and process managers expect a prompt, clean exit). Logs are
 * flushed before every exit.
 */
export function exitOnSignals(log: Logger, what: string, stop: () => Promise<unknown>, deadlineMs: number): void {
  let stopping = false;
  const exit = (code: number): never => {
    log.flush();
    process.exit(code);
  };
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    log.info({ signal, what }, 'shutting down');
    setTimeout(() => {
      log.error({ signal, what, deadlineMs }, 'shutdown took too long; exiting anyway');
      exit(1);
    }, deadlineMs).unref();
    stop().then(
      () => {
        log.info({ what }, 'stopped');
        exit(0);
      },
      (err: unknown) => {
        log.error({ err, what }, 'error while stopping');
        exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
