// The archive while it loads. A bot (gateway, shard or HTTP endpoint) comes online before its
// index is ready and serves this context meanwhile: /stats says how far the load has got, every
// other command gets a private "still loading" note (a UserError, so no cooldown is charged),
// and once the load is done the context hands everything to the real one.

import type { CommandContext, Progress } from './commands/command.js';
import type { Engine } from './engine.js';
import { UserError } from './errors.js';
import type { ReindexReport } from './live/report.js';
import type { LoadingStatus } from './loading-status.js';

export type { LoadingStatus };

/**
 * Where each phase of a load starts and ends, in percent of the whole: a start from the cache
 * reads then restores, a first build reads the files, indexes them, finds quotes and writes the
 * cache. Phases this table does not know keep the last figure.
 */
const PHASES: Record<string, [number, number]> = {
  'reading the cache': [0, 60],
  'restoring the index': [60, 100],
  'reading files': [0, 35],
  'indexing articles': [35, 90],
  'finding quotes': [90, 95],
  'writing the cache': [95, 100],
};

export class StillLoading extends UserError {
  constructor(status: LoadingStatus) {
    super(`The archive is still loading (${status.percent}%); try again in a moment.`, 'still-loading');
  }
}

/**
 * A command context whose engine is not there yet. Its `engine` throws StillLoading until
 * `ready` is called with the context to serve; from then on it reads through to that one (so a
 * reindex that swaps the engine is seen at once).
 */
export class LoadingArchive implements CommandContext {
  private served: CommandContext | undefined;
  private phase = 'starting';
  private percent = 0;
  private articlesRead = 0;
  private readonly startedAt: number;

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
  }

  get engine(): Engine {
    if (this.served) return this.served.engine;
    throw new StillLoading(this.status());
  }

  get reindex(): (progress?: Progress) => Promise<ReindexReport> {
    const reindex = this.served?.reindex;
    if (reindex) return reindex;
    return () => Promise.reject(this.served ? new UserError('reindex needs the live archive, which this process does not run', 'no-live-archive') : new StillLoading(this.status()));
  }

  /** The load's status while it runs; undefined once the archive is served. */
  loading = (): LoadingStatus | undefined => (this.served ? undefined : this.status());

  /** Reports a phase's progress (`OpenOptions.progress` takes it as is). */
  update = (phase: string, done: number, total: number): void => {
    this.phase = phase;
    const span = PHASES[phase];
    if (!span) return;
    const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
    this.percent = Math.floor(span[0] + (span[1] - span[0]) * share);
  };

  /** Reports how many articles have been read so far. */
  read = (articles: number): void => {
    this.articlesRead = articles;
  };

  /** The load is done: commands are answered by `ctx` from now on. */
  ready(ctx: CommandContext): void {
    this.served = ctx;
  }

  get isReady(): boolean {
    return this.served !== undefined;
  }

  private status(): LoadingStatus {
    return { loading: true, phase: this.phase, percent: Math.min(99, this.percent), articles: this.articlesRead, elapsedMs: Math.round(this.now() - this.startedAt) };
  }
}
