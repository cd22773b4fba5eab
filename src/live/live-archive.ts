import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import { archiveFs, archivePath, fileEntry, idFromPath, isArticlePath, loadArchiveEntry, sameFile, scanArchive, scanTree, type ArchiveFile, type ScanOptions } from '../archive/load.js';
import type { Article, ArchiveWarning } from '../archive/types.js';
import type { CommandContext } from '../commands/command.js';
import { Engine } from '../engine.js';
import { SetupError, UserError } from '../errors.js';
import { silentLogger, type Logger } from '../log.js';
import { buildFromFilesAsync } from '../build/build.js';
import { settingsHash, type Opened } from '../open.js';
import { archiveFingerprint, CacheWriter, snapshotEngine } from '../search/cache.js';
import { DEFAULT_INDEX_SETTINGS, PassageIndex, type IndexSettings } from '../search/index.js';
import { nextTurn } from '../search/slices.js';
import { offerSignatures } from '../summary/stories.js';
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
  /** Files larger than this are skipped with a warning (default DEFAULT_MAX_ARTICLE_BYTES). */
  maxArticleBytes?: number;
  /** Compact at once, without waiting for changes to settle, when tombstones pass this share of the passages. */
  compactShare?: number;
  /**
   * Once changes settle, compact when the passages changed in place since the last build
   * (appended plus removed) reach this share of the index (default 1%; 0: after any change).
   */
  settleShare?: number;
}

/** Tombstones (passages of changed or deleted articles) past this share of the index trigger a compaction at once. */
export const DEFAULT_COMPACT_SHARE = 0.25;
/** Changes in place past this share of the passages are compacted once they settle. */
export const DEFAULT_SETTLE_SHARE = 0.01;

const byPath = (a: Article, b: Article): number => {
  const x = `${a.id}.txt`;
  const y = `${b.id}.txt`;
  return x < y ? -1 : x > y ? 1 : 0;
};

export interface SyncReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files skipped with a warning in this sync. */
  skipped: ArchiveWarning[];
  /** The folder could not be read (missing, say): nothing changed, the last index keeps serving. */
  unavailable?: string;
}


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
  private readonly watchers = new Map<string, FSWatcher>();
  private syncTimer: NodeJS.Timeout | undefined;
  private cacheTimer: NodeJS.Timeout | undefined;
  private reindexing: Promise<ReindexReport> | undefined;
  private compacting: Promise<void> | undefined;
  /** How many passages the index held when it was built: those appended since went in place. */
  private builtPassages: number;
  private closed = false;
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
    this.builtPassages = opened.engine.index.passages.length;
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
    if (!this.watching || this.watchers.size > 0) return;
    try {
      this.watchTree('');
      clearInterval(this.pollTimer);
      this.pollTimer = undefined;
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'cannot watch the archive folder; polling it instead');
      this.disarm();
    }
  }

  /**
   * One plain (non-recursive) watcher per folder, added as folders appear. Node 20's recursive
   * watcher on Linux stalls the whole process when thousands of files are copied into a new
   * folder (it rescans the folder on every event); a watcher per folder costs one inotify watch.
   */
  private watchTree(rel: string): void {
    if (this.watchers.has(rel)) return;
    const full = rel ? join(this.opts.archiveDir, ...rel.split('/')) : this.opts.archiveDir;
    const watcher = watch(full, { persistent: false }, (_event, name) => {
      if (name === null) this.pending = 'all';
      else {
        const path = rel ? `${rel}/${archivePath(name)}` : archivePath(name);
        if (this.pending !== 'all') this.pending.add(path);
        if (!name.startsWith('.')) this.followFolder(path);
      }
      this.scheduleSync();
    });
    watcher.on('error', (err) => {
      if (rel !== '') return this.unwatch(rel);
      this.log.warn({ err: err.message }, 'archive watcher failed; polling the folder instead');
      this.disarm();
    });
    this.watchers.set(rel, watcher);
    for (const entry of archiveFs.readdirSync(full, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.')) this.watchTree(rel ? `${rel}/${entry.name}` : entry.name);
    }
  }

  /** A path named by a watcher: a new folder gets watched, a folder gone stops being watched. */
  private followFolder(path: string): void {
    let folder = false;
    try {
      folder = archiveFs.lstatSync(join(this.opts.archiveDir, ...path.split('/'))).isDirectory();
    } catch {
      folder = false;
    }
    try {
      if (folder) this.watchTree(path);
      else this.unwatch(path);
    } catch {
      // Unreadable or gone meanwhile: the sync says so; the next event tries again.
    }
  }

  private unwatch(rel: string): void {
    for (const [path, w] of this.watchers) {
      if (path === rel || path.startsWith(`${rel}/`)) {
        w.close();
        this.watchers.delete(path);
      }
    }
  }

  private disarm(): void {
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    if (this.watching && !this.pollTimer) {
      this.pollTimer = setInterval(() => {
        this.pending = 'all';
        this.scheduleSync();
      }, this.opts.pollMs ?? 1000);
      this.pollTimer.unref();
    }
  }

  scheduleSync(): void {
    const now = performance.now();
    this.pendingSince ??= now;
    const cap = this.pendingSince + (this.opts.maxWaitMs ?? 1000);
    const due = Math.min(now + (this.opts.debounceMs ?? 300), cap);
    // Past the cap, a timer already armed stays: re-arming it (for "now") on every event would
    // starve it while a steady stream of events, thousands of files being copied in, goes on.
    if (this.syncTimer && this.syncDue !== undefined && due >= cap && this.syncDue <= cap) return;
    clearTimeout(this.syncTimer);
    this.syncDue = due;
    this.syncTimer = setTimeout(() => {
      this.syncTimer = undefined;
      this.syncDue = undefined;
      this.pendingSince = undefined;
      this.syncInSlices().catch((e: unknown) => this.log.error({ err: e }, 'archive sync failed; the last index keeps serving'));
    }, Math.max(0, due - now));
    this.syncTimer.unref();
  }

  private pendingSince: number | undefined;
  private syncDue: number | undefined;

  /**
   * Applies every added, changed, renamed or deleted article. With the watcher's file names in
   * hand only those paths (and folders under them) are looked at; otherwise, or when asked
   * directly, the whole folder is rescanned.
   */
  sync(): SyncReport {
    const taken = this.takeUpdates();
    if ('report' in taken) return taken.report;
    const report = emptyReport();
    this.applySlice(taken.entries, 0, Infinity, report);
    return report;
  }

  /**
   * The same as `sync`, in slices of about SLICE_MS of work: each slice's files are applied in
   * one step, and between slices the bot answers, and a SIGTERM is heard. A change to one file is
   * never split; a change to many files is seen file by file.
   */
  async syncInSlices(): Promise<SyncReport> {
    if (this.syncing) {
      void this.syncing.then(() => this.scheduleSync());
      return emptyReport();
    }
    const taken = this.takeUpdates();
    if ('report' in taken) return taken.report;
    const report = emptyReport();
    const run = (async () => {
      for (let at = 0; at < taken.entries.length && !this.closed; ) {
        at = this.applySlice(taken.entries, at, SLICE_MS, report);
        await nextTurn();
      }
    })();
    this.syncing = run;
    try {
      await run;
    } finally {
      this.syncing = undefined;
    }
    return report;
  }

  private syncing: Promise<void> | undefined;

  /** What changed on disk (from the watcher's paths, or a full scan), or the report when nothing can be done now. */
  private takeUpdates(): { entries: Array<[string, ArchiveFile | null]> } | { report: SyncReport } {
    const report = emptyReport();
    const busy = this.reindexing ?? this.compacting;
    if (busy) {
      // A rebuild is under way: catch up once it has swapped in (the pending paths are kept).
      void busy.then(
        () => this.scheduleSync(),
        () => this.scheduleSync(),
      );
      return { report };
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
      return { report: { ...report, unavailable: e.message } };
    }
    if (this.wasUnavailable) this.log.info({ dir: this.opts.archiveDir }, 'archive folder is back');
    this.wasUnavailable = false;
    this.arm();
    return { entries: [...updates] };
  }

  /**
   * Reads the entries from `start` until `budgetMs` of work is spent, applies them to the engine
   * in one synchronous step, and adds them to `total`; returns where the next slice starts.
   */
  private applySlice(entries: ReadonlyArray<[string, ArchiveFile | null]>, start: number, budgetMs: number, total: SyncReport): number {
    const t0 = performance.now();
    const report = emptyReport();
    const upserts: Article[] = [];
    const removals: string[] = [];
    const idOf = idFromPath;
    // What is served before this slice: a known file may have been skipped (unreadable, too large).
    let servedIds: Set<string> | undefined;
    const served = (): Set<string> => (servedIds ??= new Set(this.engine.articles.map((a) => a.id)));
    let at = start;
    // Reading is the small part: applying (index, quotes) costs more, so it is estimated ahead.
    let applying = 0;
    for (; at < entries.length && (at === start || performance.now() - t0 + applying < budgetMs); at++) {
      const [path, f] = entries[at] ?? ['', null];
      applying += APPLY_MS_PER_FILE + (f?.size ?? 0) * APPLY_MS_PER_BYTE;
      const before = this.files.get(path);
      if (f === null) {
        if (!before) continue;
        this.files.delete(path);
        this.warnings.delete(path);
        if (!served().has(idOf(path))) continue;
        removals.push(idOf(path));
        report.removed.push(idOf(path));
        continue;
      }
      if (before && sameFile(before, f)) continue;
      this.files.set(path, f);
      const loaded = loadArchiveEntry(this.opts.archiveDir, f, this.scanOptions);
      this.warnings.set(path, loaded.warnings);
      if (loaded.article) {
        upserts.push(loaded.article);
        (served().has(loaded.article.id) ? report.changed : report.added).push(loaded.article.id);
      } else {
        report.skipped.push(...loaded.warnings);
        // A file that turned bad no longer holds its article.
        if (served().has(idOf(path))) {
          removals.push(idOf(path));
          report.removed.push(idOf(path));
        }
      }
    }
    if (upserts.length === 0 && removals.length === 0 && report.skipped.length === 0) return at;

    this.engine.applyChanges({ upserts, removals, warnings: [...this.warnings.values()].flat() });
    const index = this.engine.index;
    if (index.tombstones > (this.opts.compactShare ?? DEFAULT_COMPACT_SHARE) * index.passages.length) void this.compact();
    for (const w of report.skipped) this.log.warn({ file: w.file }, w.message);
    this.log.info({ added: report.added.length, changed: report.changed.length, removed: report.removed.length }, 'archive updated');
    this.scheduleCacheWrite();
    for (const listener of this.onSync) listener(report);
    total.added.push(...report.added);
    total.changed.push(...report.changed);
    total.removed.push(...report.removed);
    total.skipped.push(...report.skipped);
    return at;
  }

  private get scanOptions(): ScanOptions {
    return this.opts.maxArticleBytes === undefined ? {} : { maxArticleBytes: this.opts.maxArticleBytes };
  }

  /** Every file now (null: gone) against what is served, from a scan of the whole folder. */
  private fullDiff(): Map<string, ArchiveFile | null> {
    const now = new Map(scanArchive(this.opts.archiveDir, this.scanOptions).map((f) => [f.path, f]));
    const updates = new Map<string, ArchiveFile | null>(now);
    for (const path of this.files.keys()) if (!now.has(path)) updates.set(path, null);
    return updates;
  }

  /**
   * The same for the given paths only: a file, or a folder (scanned), present or gone. A path
   * reached through a symbolic link, or a folder holding one, is left to a full scan, so that
   * the symlink rule (see `scanArchive`) is the scan's, never the watcher's.
   */
  private pathDiff(paths: ReadonlySet<string>): Map<string, ArchiveFile | null> {
    const root = this.opts.archiveDir;
    let rootReal: string;
    try {
      rootReal = archiveFs.realpathSync(root);
    } catch {
      return this.fullDiff(); // Says why (missing, unreadable) with a SetupError.
    }
    const updates = new Map<string, ArchiveFile | null>();
    for (const path of paths) {
      if (path.split('/').some((part) => part.startsWith('.') || part === '')) continue;
      const full = join(rootReal, ...path.split('/'));
      let st;
      let real: string | undefined;
      try {
        st = archiveFs.lstatSync(full);
        real = archiveFs.realpathSync(full);
      } catch {
        st = undefined;
      }
      if (st?.isSymbolicLink() || (real !== undefined && real !== full)) return this.fullDiff();
      if (st?.isDirectory()) {
        const scan = scanTree(root, path, this.scanOptions);
        if (scan.links) return this.fullDiff();
        const inside = new Set<string>();
        for (const f of scan.files) {
          inside.add(f.path);
          updates.set(f.path, f);
        }
        for (const known of this.files.keys()) if ((known === path || known.startsWith(`${path}/`)) && !inside.has(known)) updates.set(known, null);
      } else if (st?.isFile()) {
        if (isArticlePath(path)) updates.set(path, fileEntry(path, st, this.opts.maxArticleBytes));
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
    const compacting = this.compacting ?? Promise.resolve();
    const run = compacting.then(() => this.rebuild(progress)).finally(() => {
      this.reindexing = undefined;
    });
    this.reindexing = run;
    return run;
  }

  private async rebuild(progress: (message: string) => void): Promise<ReindexReport> {
    const t0 = performance.now();
    const scan = scanArchive(this.opts.archiveDir, this.scanOptions);
    progress(`reading and indexing ${scan.length} files`);
    // One pass per file, in worker threads for a large archive; this thread only merges, in slices.
    const built = await buildFromFilesAsync({
      dir: this.opts.archiveDir,
      files: scan,
      scan: this.scanOptions,
      settings: this.settings,
      log: this.log,
      progress: (phase, done, total) => {
        if (phase === 'indexing articles' && done === 0) progress(`indexing ${total} articles`);
      },
    });
    const { archive, index } = built;
    const { articles } = archive;
    const warnings = new Map<string, ArchiveWarning[]>();
    for (const w of archive.warnings) warnings.set(w.file, [...(warnings.get(w.file) ?? []), w]);
    const engine = new Engine(archive, index, built.quotes);
    const before = new Map(this.engine.articles.map((a) => [a.id, a]));
    let added = 0;
    let changed = 0;
    for (const a of articles) {
      const old = before.get(a.id);
      if (!old) added++;
      else if (JSON.stringify(old) !== JSON.stringify(a)) changed++;
      before.delete(a.id);
    }
    if (this.closed) throw new UserError('reindex cancelled: the bot is shutting down', 'reindex-cancelled');
    // The swap: one assignment, so every query sees the old engine or the new one.
    this.ctx.engine = engine;
    // Every article is a new object now: digest signatures stored with the cache the archive was
    // opened from serve none of them, and are let go (the cache written next stores new ones).
    offerSignatures(undefined);
    this.builtPassages = engine.index.passages.length;
    this.files = new Map(scan.map((f) => [f.path, f]));
    this.pending = 'all';
    this.warnings.clear();
    for (const [path, ws] of warnings) this.warnings.set(path, ws);
    progress('writing the cache');
    await this.writeCache();
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
    clearTimeout(this.cacheTimer);
    this.cacheTimer = setTimeout(() => {
      this.settle().catch((e: unknown) => this.log.error({ err: e }, 'compaction failed; the last index keeps serving'));
    }, this.opts.cacheDelayMs ?? 5000);
    this.cacheTimer.unref();
  }

  /**
   * Once changes have settled: compacts the index when the changes made in place add up to
   * `settleShare` of it (it is then exactly what a fresh build gives: same rankings, no
   * tombstones kept in memory or saved), then writes the cache. Below that, the live index and
   * its cache may rank a little unlike a build from scratch, but a restart loads that very index.
   */
  async settle(): Promise<void> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    await this.idle();
    if (this.drift() > 0 && this.drift() >= (this.opts.settleShare ?? DEFAULT_SETTLE_SHARE) * this.engine.index.size) await this.compact();
    if (!this.closed) await this.writeCache();
  }

  /** Passages changed in place since the last build: appended (new or edited articles) plus removed. */
  private drift(): number {
    const index = this.engine.index;
    return index.passages.length - this.builtPassages + index.tombstones;
  }

  /** Resolves when no compaction or reindex is running. */
  async idle(): Promise<void> {
    for (let busy = this.compacting ?? this.reindexing; busy; busy = this.compacting ?? this.reindexing) await busy.catch(() => undefined);
  }

  /**
   * Rebuilds the passage index from the articles in memory (no file is read), in slices that
   * let the bot keep answering from the current one, then swaps it in with one assignment.
   * Changes that arrive meanwhile wait for the swap (their paths stay pending).
   */
  compact(): Promise<void> {
    if (this.reindexing) return this.reindexing.then(() => undefined);
    this.compacting ??= this.rebuildInMemory().finally(() => {
      this.compacting = undefined;
    });
    return this.compacting;
  }

  private async rebuildInMemory(): Promise<void> {
    const t0 = performance.now();
    const before = this.engine;
    const tombstones = before.index.tombstones;
    // In file order, as a fresh start adds them, so numbering and ties come out the same.
    const articles = [...before.articles].sort(byPath);
    const index = await PassageIndex.buildAsync(articles, this.settings);
    if (this.closed || this.ctx.engine !== before) return;
    // Quotes are kept by article, not by passage number: the incrementally kept store stays.
    const engine = new Engine({ dir: this.opts.archiveDir, articles, warnings: before.archive.warnings }, index, before.quotes);
    this.ctx.engine = engine;
    this.builtPassages = index.passages.length;
    this.log.info({ tombstones, passages: index.size, ms: Math.round(performance.now() - t0) }, 'index compacted');
  }

  /**
   * Writes the cache now (the live archive calls it after changes settle, and on close), without
   * blocking: from a snapshot of the engine and file list as they are when the write starts. A
   * call while a write runs makes one more write after it, of whatever is newest then.
   */
  writeCache(): Promise<boolean> {
    clearTimeout(this.cacheTimer);
    this.cacheTimer = undefined;
    if (!this.opts.cachePath) return Promise.resolve(false);
    this.cacheWriter ??= new CacheWriter(this.opts.cachePath, this.log);
    return this.cacheWriter.write(() => {
      const files = [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      return { snap: snapshotEngine(this.engine), key: { settings: settingsHash(this.settings), fingerprint: archiveFingerprint(files) } };
    });
  }

  private cacheWriter: CacheWriter | undefined;

  /**
   * Stops watching; a pending cache write is done now, so nothing is lost. A rebuild under way
   * is abandoned, not awaited: shutting down must not wait for it (SIGTERM's deadline).
   */
  async close(): Promise<void> {
    this.watching = false;
    this.closed = true;
    clearTimeout(this.syncTimer);
    clearInterval(this.pollTimer);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    if (this.cacheTimer) await this.writeCache();
    clearTimeout(this.cacheTimer);
    await this.cacheWriter?.idle();
  }
}


/** The work a live sync does between two chances for the bot to answer (and to hear SIGTERM). */
const SLICE_MS = 40;
/** What applying a file to the index and quotes roughly costs (measured on BBC and a 1 MiB article). */
const APPLY_MS_PER_FILE = 0.5;
const APPLY_MS_PER_BYTE = 0.002;

const emptyReport = (): SyncReport => ({ added: [], changed: [], removed: [], skipped: [] });
export type { ReindexReport } from './report.js';
