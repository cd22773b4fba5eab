import { warmAutocomplete } from './commands/autocomplete.js';
import { warmDigest } from './summary/digest.js';
import { LiveArchive } from './live/live-archive.js';
import { LoadingArchive } from './loading.js';
import type { Logger } from './log.js';
import { openEngineAsync, type OpenOptions, type Opened } from './open.js';

/** How the archive is opened: `openEngineAsync`, or a step a test holds open. */
export type OpenStep = (opts: OpenOptions) => Promise<Opened>;

export interface ServedArchive {
  /** What the transports serve: the loading context, then (read through it) the live archive's. */
  ctx: LoadingArchive;
  /** Resolves with the live archive once the load is done; rejects when it fails. */
  ready: Promise<LiveArchive>;
  /** Closes the live archive (writing a pending cache), or abandons the load. */
  close(): Promise<void>;
  /** For a health check: the load's status while it runs, then the articles served. */
  health(): Record<string, unknown>;
}

/**
 * Starts loading the archive without waiting for it: the caller puts `ctx` online at once (a
 * bot answers /stats with the load's progress meanwhile) and the live archive, watching the
 * folder, takes over when the load is done.
 */
export function serveArchive(
  opts: Pick<OpenOptions, 'archiveDir' | 'cachePath' | 'maxArticleBytes'> & { log: Logger; open?: OpenStep },
): ServedArchive {
  const { log } = opts;
  const ctx = new LoadingArchive();
  let live: LiveArchive | undefined;
  let closed = false;
  const base = { archiveDir: opts.archiveDir, log, ...(opts.cachePath !== undefined ? { cachePath: opts.cachePath } : {}), ...(opts.maxArticleBytes !== undefined ? { maxArticleBytes: opts.maxArticleBytes } : {}) };
  const ready = (opts.open ?? openEngineAsync)({ ...base, progress: ctx.update, articlesRead: ctx.read }).then((opened) => {
    // The archive is watched: added, changed and deleted articles are served within seconds.
    live = new LiveArchive(opened, base);
    if (closed) {
      void live.close();
      return live;
    }
    live.watch();
    warmAutocomplete(live.ctx);
    void warmDigest(live.ctx.engine.articles).catch((err: unknown) => log.warn({ err }, 'digest warm-up failed'));
    ctx.ready(live.ctx);
    log.info({ source: opened.source, articles: opened.engine.articles.length }, 'archive ready');
    return live;
  });
  // A failed load is the caller's to report (it awaits `ready`); never an unhandled rejection meanwhile.
  ready.catch(() => undefined);
  return {
    ctx,
    ready,
    close: async () => {
      closed = true;
      await live?.close();
    },
    health: () => {
      const loading = ctx.loading();
      return loading ? { loading } : { articles: ctx.engine.articles.length };
    },
  };
}
