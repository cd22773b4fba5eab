import { existsSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, sep } from 'node:path';
import { idFromPath, isArticlePath, loadArticleFile, scanArchive, type ArchiveFile } from '../archive/load.js';
import type { Article, ArchiveWarning } from '../archive/types.js';
import type { CommandContext } from '../commands/command.js';
import type { Engine } from '../engine.js';
import { SetupError, UserError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { buildEngineAsync, saveEngine, settingsHash, type Opened } from '../open.js';
import { archiveFingerprint } from '../search/cache.js';
import { DEFAULT_INDEX_SETTINGS, type IndexSettings } from '../search/index.js';
import type { ReindexReport } from './report.js';

export interface LiveOptions {
  archiveDir: string;
  cachePath?: string;
  log?: Logger;
  settings?: IndexSettings;
  /** Quiet time after the last file event before the archive is rescanned. */
  debounceMs?: number;
  /** A steady stream of events still gets a rescan this long after the first pending one. */
  maxWaitMs?: number;
  /** How often the folder is rescanned while it cannot be watched (missing, or watcher failed). */
  pollMs?: number;
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
    this.files = new Map(opened.files.map((f) => [f.path, f]));
    for (const w of opened.engine.archive.warnings) this.warnings.set(w.file, [...(this.warnings.get(w.file) ?? []), w]);
    this.ctx = { engine: opened.engine, reindex: (progress) => this.reindex(progress) };
  }

  get engine(): Engine {
    return this.ctx.engine;
  }

  /**
   * Starts watching the folder; changes are applied `debounceMs` after the last event. Node's
   * recursive watcher is only a trigger (the rescan says what changed), so a lost or doubled
   * event costs nothing. While the folder is missing or the watcher has failed, the folder is
   * polled instead, and watched again once it is back.
   */
  watch(): void {
    this.watching = true;
    this.arm();
  }

  private watching = false;
  /** Paths the watcher named since the last sync ('all': rescan everything). */
  private pending: Set<string> | 'all' = new Set();
  private pollTimer: NodeJS.Timeout | undefined;

  private arm(): void {
    if (!this.watching || this.watcher) return;
    try {
      const watcher = watch(this.opts.archiveDir, { recursive: true, persistent: false }, (_event, name) => {
        if (name === null) this.pending = 'all';
        else if (this.pending !== 'all') this.pending.add(name.split(sep).join('/'));
        this.scheduleSync();
      });
      watcher.on('error', (err) => {
        this.log.warn({ err: err.message }, 'archive watcher failed; polling the folder instead');
        this.disarm();
      });
      this.watcher = watcher;
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'cannot watch the archive folder; polling it instead');
      this.disarm();
    }
  }

  private disarm(): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.watching && !this.pollTimer) {
      this.pollTimer = setInterval(() => {
        this.pending = 'all';
        this.scheduleSync();
      }, this.opts.pollMs ?? 1000);
      this.pollTimer.unref();
    }
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

  /**
   * Applies every added, changed, renamed or deleted article. With the watcher's file names in
   * hand only those paths (and folders under them) are looked at; otherwise, or when asked
   * directly, the whole folder is rescanned.
   */
  sync(): SyncReport {
    const report: SyncReport = { added: [], changed: [], removed: [], skipped: [] };
    if (this.reindexing) {
      // The rebuild read the folder already; catch up once it has swapped in.
      void this.reindexing.then(() => this.scheduleSync());
      return report;
    }
    const paths = this.pending;
    this.pending = new Set();
    let updates: Map<string, ArchiveFile | null>;
    try {
      updates = paths === 'all' || paths.size === 0 || this.wasUnavailable ? this.fullDiff() : this.pathDiff(paths);
    } catch (e) {
      if (!(e instanceof SetupError)) throw e;
      if (!this.wasUnavailable) this.log.warn({ dir: this.opts.archiveDir }, `${e.message}; serving the last index until it is back`);
      this.wasUnavailable = true;
      // A watcher on a folder that was removed sees nothing more, even when the folder returns.
      this.disarm();
      return { ...report, unavailable: e.message };
    }
    if (this.wasUnavailable) this.log.info({ dir: this.opts.archiveDir }, 'archive folder is back');
    this.wasUnavailable = false;
    this.arm();

    const upserts: Article[] = [];
    const removals: string[] = [];
    for (const [path, f] of updates) {
      const before = this.files.get(path);
      if (f === null) {
        if (!before) continue;
        this.files.delete(path);
        this.warnings.delete(path);
        removals.push(idFromPath(path));
        report.removed.push(idFromPath(path));
        continue;
      }
      if (before && sameFile(before, f)) continue;
      this.files.set(path, f);
      const loaded = loadArticleFile(this.opts.archiveDir, path);
      this.warnings.set(path, loaded.warnings);
      if (loaded.article) {
        upserts.push(loaded.article);
        (before ? report.changed : report.added).push(loaded.article.id);
      } else {
        report.skipped.push(...loaded.warnings);
        // A file that turned bad no longer holds its article.
        if (before) {
          removals.push(idFromPath(path));
          report.removed.push(idFromPath(path));
        }
      }
    }
    if (upserts.length === 0 && removals.length === 0 && report.skipped.length === 0) return report;

    this.engine.applyChanges({ upserts, removals, warnings: [...this.warnings.values()].flat() });
    for (const w of report.skipped) this.log.warn({ file: w.file }, w.message);
    this.log.info({ added: report.added.length, changed: report.changed.length, removed: report.removed.length }, 'archive updated');
    this.scheduleCacheWrite();
    for (const listener of this.onSync) listener(report);
    return report;
  }

  /** Every file now (null: gone) against what is served, from a scan of the whole folder. */
  private fullDiff(): Map<string, ArchiveFile | null> {
    const now = new Map(scanArchive(this.opts.archiveDir).map((f) => [f.path, f]));
    const updates = new Map<string, ArchiveFile | null>(now);
    for (const path of this.files.keys()) if (!now.has(path)) updates.set(path, null);
    return updates;
  }

  /** The same for the given paths only: a file, or a folder (scanned), present or gone. */
  private pathDiff(paths: ReadonlySet<string>): Map<string, ArchiveFile | null> {
    const root = this.opts.archiveDir;
    if (!existsSync(root)) throw new SetupError(`archive folder not found: ${root}`);
    const updates = new Map<string, ArchiveFile | null>();
    for (const path of paths) {
      let st;
      try {
        st = statSync(join(root, path));
      } catch {
        st = undefined;
      }
      if (st?.isDirectory()) {
        const inside = new Set<string>();
        for (const f of scanArchive(join(root, path))) {
          const full = `${path}/${f.path}`;
          inside.add(full);
          updates.set(full, { ...f, path: full });
        }
        for (const known of this.files.keys()) if (known.startsWith(`${path}/`) && !inside.has(known)) updates.set(known, null);
      } else if (st?.isFile()) {
        if (isArticlePath(path)) updates.set(path, { path, size: st.size, mtimeMs: st.mtimeMs });
      } else {
        // Gone: the file itself, or a folder with everything that was under it.
        if (this.files.has(path)) updates.set(path, null);
        for (const known of this.files.keys()) if (known.startsWith(`${path}/`)) updates.set(known, null);
      }
    }
    return updates;
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
    const archive = { dir: this.opts.archiveDir, articles, warnings: [...warnings.values()].flat() };
    const engine = await buildEngineAsync(archive, this.settings);
    const { index } = engine;
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
    this.pending = 'all';
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
    const header = { settings: settingsHash(this.settings), fingerprint: archiveFingerprint([...this.files.values()]) };
    return saveEngine(this.engine, this.opts.cachePath, header, this.log);
  }

  /** Stops watching; a pending cache write is done now, so nothing is lost. */
  async close(): Promise<void> {
    this.watching = false;
    clearTimeout(this.syncTimer);
    clearInterval(this.pollTimer);
    if (this.cacheTimer) this.writeCache();
    this.watcher?.close();
    this.watcher = undefined;
    await this.reindexing?.catch(() => undefined);
  }
}

const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
export type { ReindexReport } from './report.js';
