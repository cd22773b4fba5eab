import { watch, type FSWatcher } from 'chokidar';
import { loadArticleFile, scanArchive, type ArchiveFile } from '../archive/load.js';
import type { Article, ArchiveWarning } from '../archive/types.js';
import type { CommandContext } from '../commands/command.js';
import { Engine } from '../engine.js';
import { SetupError, UserError } from '../errors.js';
import { FEATURES, type Feature } from '../features.js';
import { silentLogger, type Logger } from '../log.js';
import { saveEngine, settingsHash, type Opened } from '../open.js';
import { archiveFingerprint } from '../search/cache.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from '../search/index.js';

export interface LiveOptions {
  archiveDir: string;
  cachePath?: string;
  log?: Logger;
  settings?: IndexSettings;
  features?: ReadonlyArray<Feature<unknown>>;
  /** Quiet time after the last file event before the archive is rescanned. */
  debounceMs?: number;
  /** A steady stream of events still gets a rescan this long after the first pending one. */
  maxWaitMs?: number;
  /** Quiet time after the last change before the cache is rewritten (it is a whole-index write). */
  cacheDelayMs?: number;
}

export interface SyncReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files skipped with a warning in this sync. */
  skipped: ArchiveWarning[];
  /** The folder could not be read (missing, say): nothing changed, the last index keeps serving. */
  unavailable?: string;
}

export interface ReindexReport {
  articles: number;
  passages: number;
  added: number;
  changed: number;
  removed: number;
  warnings: number;
  ms: number;
}

const sameFile = (a: ArchiveFile, b: ArchiveFile): boolean => a.size === b.size && Math.round(a.mtimeMs) === Math.round(b.mtimeMs);

/**
 * The archive as it is on disk, kept current while the bot serves: file events trigger a
 * rescan (the rescan, not the events, says what changed), changes go into the index in place,
 * and the cache follows. `/reindex` rebuilds from scratch without blocking and swaps at once.
 */
export class LiveArchive {
  /** The context commands read; its `engine` is swapped by reindex, never half-updated. */
  readonly ctx: CommandContext;
  private files: Map<string, ArchiveFile>;
  private readonly warnings = new Map<string, ArchiveWarning[]>();
  private readonly log: Logger;
  private readonly settings: IndexSettings;
  private readonly features: ReadonlyArray<Feature<unknown>>;
  private watcher: FSWatcher | undefined;
  private syncTimer: NodeJS.Timeout | undefined;
  private cacheTimer: NodeJS.Timeout | undefined;
  private reindexing: Promise<ReindexReport> | undefined;
  private wasUnavailable = false;
  /** Listeners told after every applied change (tests, the soak bench). */
  readonly onSync = new Set<(report: SyncReport) => void>();

  constructor(
    opened: Pick<Opened, 'engine' | 'files'>,
    private readonly opts: LiveOptions,
  ) {
    this.log = opts.log ?? silentLogger;
    this.settings = opts.settings ?? DEFAULT_INDEX_SETTINGS;
    this.features = opts.features ?? FEATURES;
    this.files = new Map(opened.files.map((f) => [f.path, f]));
    for (const w of opened.engine.archive.warnings) this.warnings.set(w.file, [...(this.warnings.get(w.file) ?? []), w]);
    this.ctx = { engine: opened.engine, live: this };
  }

  get engine(): Engine {
    return this.ctx.engine;
  }

  /** Starts watching the folder; changes are applied `debounceMs` after the last event. */
  watch(): void {
    if (this.watcher) return;
    this.watcher = watch(this.opts.archiveDir, { ignoreInitial: true, persistent: false, depth: 32 });
    const poke = (): void => this.scheduleSync();
    this.watcher.on('all', poke);
    this.watcher.on('error', (err) => this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'archive watcher error'));
  }

  scheduleSync(): void {
    clearTimeout(this.syncTimer);
    const now = performance.now();
    this.pendingSince ??= now;
    const delay = Math.max(0, Math.min(this.opts.debounceMs ?? 300, this.pendingSince + (this.opts.maxWaitMs ?? 1000) - now));
    this.syncTimer = setTimeout(() => {
      this.pendingSince = undefined;
      try {
        this.sync();
      } catch (e) {
        this.log.error({ err: e }, 'archive sync failed; the last index keeps serving');
      }
    }, delay);
    this.syncTimer.unref();
  }

  private pendingSince: number | undefined;

  /** Rescans the folder and applies every added, changed, renamed or deleted article. */
  sync(): SyncReport {
    const report: SyncReport = { added: [], changed: [], removed: [], skipped: [] };
    if (this.reindexing) {
      // The rebuild read the folder already; catch up once it has swapped in.
      void this.reindexing.then(() => this.scheduleSync());
      return report;
    }
    let scan: ArchiveFile[];
    try {
      scan = scanArchive(this.opts.archiveDir);
    } catch (e) {
      if (!(e instanceof SetupError)) throw e;
      if (!this.wasUnavailable) this.log.warn({ dir: this.opts.archiveDir }, `${e.message}; serving the last index until it is back`);
      this.wasUnavailable = true;
      return { ...report, unavailable: e.message };
    }
    if (this.wasUnavailable) this.log.info({ dir: this.opts.archiveDir }, 'archive folder is back');
    this.wasUnavailable = false;

    const now = new Map(scan.map((f) => [f.path, f]));
    const upserts: Article[] = [];
    const removals: string[] = [];
    for (const [path, f] of now) {
      const before = this.files.get(path);
      if (before && sameFile(before, f)) continue;
      const loaded = loadArticleFile(this.opts.archiveDir, path);
      this.warnings.set(path, loaded.warnings);
      if (loaded.article) {
        upserts.push(loaded.article);
        (before ? report.changed : report.added).push(loaded.article.id);
      } else {
        report.skipped.push(...loaded.warnings);
        // A file that turned bad no longer holds its article.
        if (before) {
          removals.push(path.replace(/\.txt$/, ''));
          report.removed.push(path.replace(/\.txt$/, ''));
        }
      }
    }
    for (const path of this.files.keys()) {
      if (now.has(path)) continue;
      this.warnings.delete(path);
      removals.push(path.replace(/\.txt$/, ''));
      report.removed.push(path.replace(/\.txt$/, ''));
    }
    this.files = now;
    if (upserts.length === 0 && removals.length === 0 && report.skipped.length === 0) return report;

    this.engine.applyChanges({ upserts, removals, warnings: [...this.warnings.values()].flat() });
    for (const w of report.skipped) this.log.warn({ file: w.file }, w.message);
    this.log.info({ added: report.added.length, changed: report.changed.length, removed: report.removed.length }, 'archive updated');
    this.scheduleCacheWrite();
    for (const listener of this.onSync) listener(report);
    return report;
  }

  /**
   * Rebuilds everything from the files, in slices that let the bot keep answering from the
   * current index, then swaps the new engine in at once. One rebuild at a time.
   */
  reindex(progress: (message: string) => void = () => {}): Promise<ReindexReport> {
    if (this.reindexing) throw new UserError('a reindex is already running; try again when it has finished', 'reindex-busy');
    const run = this.rebuild(progress).finally(() => {
      this.reindexing = undefined;
    });
    this.reindexing = run;
    return run;
  }

  private async rebuild(progress: (message: string) => void): Promise<ReindexReport> {
    const t0 = performance.now();
    const scan = scanArchive(this.opts.archiveDir);
    progress(`reading ${scan.length} files`);
    const articles: Article[] = [];
    const warnings = new Map<string, ArchiveWarning[]>();
    for (let i = 0; i < scan.length; i++) {
      const f = scan[i];
      if (!f) continue;
      const loaded = loadArticleFile(this.opts.archiveDir, f.path);
      if (loaded.article) articles.push(loaded.article);
      if (loaded.warnings.length) warnings.set(f.path, loaded.warnings);
      if (i % 500 === 499) await yieldToEvents();
    }
    progress(`indexing ${articles.length} articles`);
    const index = await PassageIndex.buildAsync(articles, this.settings);
    const archive = { dir: this.opts.archiveDir, articles, warnings: [...warnings.values()].flat() };
    const engine = new Engine(archive, index);
    progress('building quotes and summaries');
    for (const f of this.features) {
      await yieldToEvents();
      engine.attachFeature(f, f.build(archive, index));
    }
    const before = new Map(this.engine.articles.map((a) => [a.id, a]));
    let added = 0;
    let changed = 0;
    for (const a of articles) {
      const old = before.get(a.id);
      if (!old) added++;
      else if (JSON.stringify(old) !== JSON.stringify(a)) changed++;
      before.delete(a.id);
    }
    // The swap: one assignment, so every query sees the old engine or the new one.
    this.ctx.engine = engine;
    this.files = new Map(scan.map((f) => [f.path, f]));
    this.warnings.clear();
    for (const [path, ws] of warnings) this.warnings.set(path, ws);
    progress('writing the cache');
    this.writeCache();
    const report: ReindexReport = {
      articles: articles.length,
      passages: index.size,
      added,
      changed,
      removed: before.size,
      warnings: archive.warnings.length,
      ms: Math.round(performance.now() - t0),
    };
    this.log.info(report, 'reindexed');
    return report;
  }

  private scheduleCacheWrite(): void {
    if (!this.opts.cachePath) return;
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => this.writeCache(), this.opts.cacheDelayMs ?? 5000);
    this.cacheTimer.unref();
  }

  /** Writes the cache now (the live archive calls it after changes settle, and on close). */
  writeCache(): boolean {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    if (!this.opts.cachePath) return false;
    const header = { settings: settingsHash(this.settings, this.features), fingerprint: archiveFingerprint([...this.files.values()]) };
    return saveEngine(this.engine, this.opts.cachePath, header, this.features, this.log);
  }

  /** Stops watching; a pending cache write is done now, so nothing is lost. */
  async close(): Promise<void> {
    clearTimeout(this.syncTimer);
    if (this.cacheTimer) this.writeCache();
    await this.watcher?.close();
    this.watcher = undefined;
    await this.reindexing?.catch(() => undefined);
  }
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
