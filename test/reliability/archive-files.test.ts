import { chmodSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { archiveFs, DEFAULT_MAX_ARTICLE_BYTES, loadArchive, scanArchive } from '../../src/archive/load.js';
import { EXIT, runCli } from '../../src/cli/run.js';
import { LiveArchive } from '../../src/live/live-archive.js';
import { openEngine } from '../../src/open.js';
import { memoryIO, removeDir, writeArchive } from '../helpers/archive.js';

const dirs: string[] = [];
const lives: LiveArchive[] = [];
const saved = { ...archiveFs };
afterEach(async () => {
  Object.assign(archiveFs, saved);
  for (const l of lives.splice(0)) await l.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

const article = (words: string): string => `date 2021-05-0${(words.length % 9) + 1}\n\n${words} were reported on Monday.\n\nOfficials said more news would follow.`;

function archive(files: Record<string, string>): string {
  const dir = writeArchive(files);
  dirs.push(dir);
  return dir;
}

function cacheFile(): string {
  const d = mkdtempSync(join(tmpdir(), 'i13-cache-'));
  dirs.push(d);
  return join(d, 'index.json');
}

function live(dir: string, cachePath?: string): LiveArchive {
  const l = new LiveArchive(openEngine({ archiveDir: dir, ...(cachePath ? { cachePath } : {}) }), { archiveDir: dir, ...(cachePath ? { cachePath } : {}), debounceMs: 20, cacheDelayMs: 60_000 });
  lives.push(l);
  return l;
}

const ids = (l: LiveArchive): string[] => l.engine.articles.map((a) => a.id);

/**
 * Root reads everything, so permission cases use an injected filesystem: reading the given
 * absolute paths (a folder listing or a file) fails with EACCES, as it would for a normal user.
 */
function deny(...paths: string[]): { allow(): void } {
  const denied = new Set(paths);
  const eacces = (p: unknown): never => {
    throw Object.assign(new Error(`EACCES: permission denied, open '${String(p)}'`), { code: 'EACCES' });
  };
  archiveFs.readdirSync = ((p: string, o: never) => (denied.has(String(p)) ? eacces(p) : saved.readdirSync(p, o))) as typeof archiveFs.readdirSync;
  archiveFs.openSync = ((p: string, f: never) => (denied.has(String(p)) ? eacces(p) : saved.openSync(p, f))) as typeof archiveFs.openSync;
  return {
    allow: () => {
      denied.clear();
    },
  };
}

describe('symlinks: one rule for the scan and the live watcher (issue 13, item 3)', () => {
  it('GIVEN `ln -s . selfdir` THEN the archive is not doubled', () => {
    const dir = archive({ 'a.txt': article('Floods'), 'sub/b.txt': article('Fires') });
    symlinkSync('.', join(dir, 'selfdir'));
    symlinkSync('..', join(dir, 'sub', 'up'));
    expect(loadArchive(dir).articles.map((a) => a.id)).toEqual(['a', 'sub/b']);
  });

  it('GIVEN links to a folder and a file outside the archive THEN nothing outside is served, with a warning naming each link', () => {
    const outside = archive({ 'secret.txt': article('Secrets'), 'more/plans.txt': article('Plans') });
    const dir = archive({ 'a.txt': article('Floods') });
    symlinkSync(join(outside, 'more'), join(dir, 'elsewhere'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'secret.txt'));
    const loaded = loadArchive(dir);
    expect(loaded.articles.map((a) => a.id)).toEqual(['a']);
    const byFile = Object.fromEntries(loaded.warnings.map((w) => [w.file, w.message]));
    expect(byFile.elsewhere).toMatch(/outside the archive/);
    expect(byFile['secret.txt']).toMatch(/outside the archive/);
  });

  it('GIVEN a link inside the archive to an article THEN the article is indexed once, under its real path', () => {
    const dir = archive({ 'z/real.txt': article('Storms') });
    symlinkSync(join(dir, 'z', 'real.txt'), join(dir, 'a-latest.txt'));
    symlinkSync(join(dir, 'z'), join(dir, 'a-folder'));
    expect(loadArchive(dir).articles.map((a) => a.id)).toEqual(['z/real']);
  });

  it('GIVEN the archive folder itself is a link THEN it is read through it', () => {
    const real = archive({ 'a.txt': article('Floods') });
    const parent = mkdtempSync(join(tmpdir(), 'i13-link-'));
    dirs.push(parent);
    symlinkSync(real, join(parent, 'news'));
    expect(loadArchive(join(parent, 'news')).articles.map((a) => a.id)).toEqual(['a']);
  });

  it('GIVEN links made while the bot runs THEN the live archive applies the same rule as a restart', async () => {
    const outside = archive({ 'more/plans.txt': article('Plans') });
    const dir = archive({ 'a.txt': article('Floods'), 'sub/b.txt': article('Fires') });
    const cachePath = cacheFile();
    const l = live(dir, cachePath);
    l.watch();
    symlinkSync('.', join(dir, 'selfdir'));
    symlinkSync(join(outside, 'more'), join(dir, 'elsewhere'));
    symlinkSync(join(dir, 'sub'), join(dir, 'sub-link'));
    // The watcher triggers the sync; a direct sync makes the test independent of its timing.
    await new Promise((r) => setTimeout(r, 100));
    l.sync();
    expect(ids(l)).toEqual(['a', 'sub/b']);
    await l.writeCache();
    const restarted = openEngine({ archiveDir: dir, cachePath });
    expect(restarted.engine.articles.map((a) => a.id)).toEqual(['a', 'sub/b']);
    expect(openEngine({ archiveDir: dir }).engine.articles.map((a) => a.id)).toEqual(['a', 'sub/b']);
  });

  it('GIVEN a watcher event for a path through a link THEN it is not served', () => {
    const outside = archive({ 'more/plans.txt': article('Plans') });
    const dir = archive({ 'a.txt': article('Floods') });
    const l = live(dir);
    symlinkSync(join(outside, 'more'), join(dir, 'elsewhere'));
    symlinkSync('.', join(dir, 'selfdir'));
    // What a recursive watcher that follows links could name.
    (l as unknown as { pending: Set<string> }).pending = new Set(['elsewhere/plans.txt', 'elsewhere', 'selfdir/a.txt', 'selfdir']);
    l.sync();
    expect(ids(l)).toEqual(['a']);
  });
});

describe('unreadable files and folders (issue 13, item 4)', () => {
  it('GIVEN an unreadable subfolder and file at start THEN each is a warning naming it and the rest is served', () => {
    const dir = archive({ 'a.txt': article('Floods'), 'locked/b.txt': article('Fires'), 'c.txt': article('Storms') });
    deny(join(dir, 'locked'), join(dir, 'c.txt'));
    const opened = openEngine({ archiveDir: dir });
    expect(opened.engine.articles.map((a) => a.id)).toEqual(['a']);
    const byFile = Object.fromEntries(opened.engine.archive.warnings.map((w) => [w.file, w.message]));
    expect(byFile.locked).toMatch(/unreadable folder \(EACCES\)/);
    expect(byFile['c.txt']).toMatch(/unreadable \(EACCES\)/);
  });

  it('GIVEN an unreadable subfolder THEN live updates elsewhere keep working, with no failed sync', async () => {
    const dir = archive({ 'a.txt': article('Floods'), 'locked/b.txt': article('Fires') });
    const l = live(dir);
    deny(join(dir, 'locked'));
    writeFileSync(join(dir, 'new.txt'), article('Earthquakes'));
    const full = l.sync();
    expect(full.added).toEqual(['new']);
    expect(full.removed).toEqual(['locked/b']);
    expect(full.skipped.map((w) => w.file)).toEqual(['locked']);
    // Losing a third of the archive compacts the index; the next change waits for the swap.
    await l.idle();
    writeFileSync(join(dir, 'newer.txt'), article('Landslides'));
    (l as unknown as { pending: Set<string> }).pending = new Set(['newer.txt', 'locked']);
    expect(l.sync().added).toEqual(['newer']);
    expect(ids(l)).toEqual(['a', 'new', 'newer']);
  });

  it('GIVEN the whole archive folder is unreadable THEN the command line exits 2 (bad archive) with a clear message', async () => {
    const dir = archive({ 'a.txt': article('Floods') });
    deny(dir);
    const io = memoryIO();
    const code = await runCli(['--archive', dir, '--cache', cacheFile(), 'stats'], io);
    expect(code).toBe(EXIT.badSetup);
    expect(io.err()).toMatch(/archive folder cannot be read \(EACCES\)/);
    expect(io.err()).not.toMatch(/internal error|\n {4}at /);
  });
});

describe('a file or folder made readable again comes back (issue 13, item 5)', () => {
  it('GIVEN an unreadable file made readable (chmod) THEN live sync serves it', () => {
    const dir = archive({ 'a.txt': article('Floods'), 'c.txt': article('Storms') });
    chmodSync(join(dir, 'c.txt'), 0o000);
    const gate = deny(join(dir, 'c.txt'));
    const l = live(dir);
    expect(ids(l)).toEqual(['a']);
    gate.allow();
    // chmod changes the file's mode and ctime, not its size or mtime.
    chmodSync(join(dir, 'c.txt'), 0o644);
    expect(l.sync().added).toEqual(['c']);
  });

  it('GIVEN an unreadable folder made readable THEN live sync serves what is in it', () => {
    const dir = archive({ 'a.txt': article('Floods'), 'locked/b.txt': article('Fires') });
    chmodSync(join(dir, 'locked'), 0o000);
    const gate = deny(join(dir, 'locked'));
    const l = live(dir);
    expect(ids(l)).toEqual(['a']);
    gate.allow();
    chmodSync(join(dir, 'locked'), 0o755);
    (l as unknown as { pending: Set<string> }).pending = new Set(['locked']);
    expect(l.sync().added).toEqual(['locked/b']);
  });

  it('GIVEN a file made readable while the bot was down THEN a restart does not trust the old cache', () => {
    const dir = archive({ 'a.txt': article('Floods'), 'c.txt': article('Storms') });
    const cachePath = cacheFile();
    chmodSync(join(dir, 'c.txt'), 0o000);
    const gate = deny(join(dir, 'c.txt'));
    expect(openEngine({ archiveDir: dir, cachePath }).engine.articles.map((a) => a.id)).toEqual(['a']);
    gate.allow();
    chmodSync(join(dir, 'c.txt'), 0o644);
    const again = openEngine({ archiveDir: dir, cachePath });
    expect(again.source).toBe('built');
    expect(again.engine.articles.map((a) => a.id)).toEqual(['a', 'c']);
  });
});

describe('MAX_ARTICLE_BYTES (issue 13, item 6)', () => {
  it('GIVEN a file over the limit THEN it is skipped with a warning naming it and the limit, at start and live', () => {
    const dir = archive({ 'a.txt': article('Floods') });
    const big = `date 2021-01-01\n\n${'A very long paragraph about the weather. '.repeat(Math.ceil(DEFAULT_MAX_ARTICLE_BYTES / 40))}`;
    writeFileSync(join(dir, 'big.txt'), big);
    const opened = openEngine({ archiveDir: dir });
    expect(opened.engine.articles.map((a) => a.id)).toEqual(['a']);
    expect(opened.engine.archive.warnings).toEqual([{ file: 'big.txt', message: expect.stringMatching(/too large .*MAX_ARTICLE_BYTES/) }]);
    const l = live(dir);
    writeFileSync(join(dir, 'big2.txt'), big);
    const r = l.sync();
    expect(r.added).toEqual([]);
    expect(r.skipped.map((w) => w.file)).toEqual(['big2.txt']);
  });

  it('GIVEN MAX_ARTICLE_BYTES in the environment THEN the command line applies it, and a bad value is named', async () => {
    const dir = archive({ 'a.txt': article('Floods'), 'b.txt': article('Fires').repeat(20) });
    const io = memoryIO('', { MAX_ARTICLE_BYTES: '1024' });
    expect(await runCli(['--archive', dir, '--cache', cacheFile(), '--json', 'stats'], io)).toBe(EXIT.ok);
    const stats = JSON.parse(io.out()) as { articles: number; warnings: Array<{ file: string; message: string }> };
    expect(stats.articles).toBe(1);
    expect(stats.warnings).toEqual([{ file: 'b.txt', message: expect.stringMatching(/too large/) }]);
    const bad = memoryIO('', { MAX_ARTICLE_BYTES: 'lots' });
    expect(await runCli(['--archive', dir, 'stats'], bad)).toBe(EXIT.badInput);
    expect(bad.err()).toMatch(/MAX_ARTICLE_BYTES must be a whole number of bytes/);
  });

  it('GIVEN a smaller limit THEN it applies to the scan', () => {
    const dir = archive({ 'a.txt': article('Floods'), 'b.txt': article('Fires').repeat(20) });
    expect(scanArchive(dir, { maxArticleBytes: 500 }).map((f) => [f.path, f.skip === undefined])).toEqual([
      ['a.txt', true],
      ['b.txt', false],
    ]);
  });
});

