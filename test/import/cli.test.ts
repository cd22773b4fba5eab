import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { consoleAnswer } from '../../src/cli/console.js';
import { runCli, EXIT } from '../../src/cli/run.js';
import { loadCommands } from '../../src/commands/registry.js';
import { importFiles } from '../../src/import/import.js';
import { LiveArchive, type SyncReport } from '../../src/live/live-archive.js';
import { openEngine } from '../../src/open.js';
import { silentLogger } from '../../src/log.js';
import { FIXTURE, memoryIO, removeDir, writeArchive } from '../helpers/archive.js';
import { RSS } from './fixtures.js';

const dirs: string[] = [];
const lives: LiveArchive[] = [];
afterEach(async () => {
  for (const l of lives.splice(0)) await l.close();
  for (const d of dirs.splice(0)) removeDir(d);
});

function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}

describe('cli import', () => {
  it('GIVEN relative paths typed in another folder (INIT_CWD) THEN they resolve from there, and --json gives the counts', async () => {
    const here = tempDir('import-cwd-');
    writeFileSync(join(here, 'gazette.rss'), RSS);
    const io = memoryIO('', { INIT_CWD: here });
    const code = await runCli(['--archive', 'my-archive', 'import', 'gazette.rss', '--json'], io, silentLogger);
    expect(io.err()).toBe('');
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(io.out()) as { added: number; updated: number; unchanged: number; skipped: unknown[]; articles: Array<{ id: string }> };
    expect(report).toMatchObject({ added: 2, updated: 0, unchanged: 0, skipped: [] });

    const again = memoryIO('', { INIT_CWD: here });
    expect(await runCli(['--archive', join(here, 'my-archive'), 'import', join(here, 'gazette.rss')], again, silentLogger)).toBe(EXIT.ok);
    expect(again.out()).toMatch(/^Imported into .*my-archive: 0 articles added, 0 updated, 2 unchanged, 0 skipped\.$/m);
  });

  it('GIVEN a file that cannot be read THEN the report names it and the exit code is 1', async () => {
    const here = tempDir('import-cwd-');
    const io = memoryIO('', { INIT_CWD: here });
    const code = await runCli(['--archive', 'a', 'import', 'missing.rss'], io, silentLogger);
    expect(code).toBe(EXIT.badInput);
    expect(io.out()).toContain('Skipped:\n  missing.rss: file not found');
  });

  it('GIVEN an archive path that is a file THEN exit 2 naming it, before anything is read', async () => {
    const here = tempDir('import-cwd-');
    writeFileSync(join(here, 'not-a-folder'), 'x');
    const io = memoryIO('', { INIT_CWD: here });
    expect(await runCli(['--archive', 'not-a-folder', 'import', 'feed.rss'], io, silentLogger)).toBe(EXIT.badSetup);
    expect(io.err()).toBe(`error: archive path is not a folder: ${join(here, 'not-a-folder')}\n`);
  });

  it.each([
    [['import'], 'import: name at least one file'],
    [['import', 'x.rss', '--format', 'pdf'], 'import: --format must be one of rss, atom, html, jsonl, csv (got "pdf")'],
    [['import', 'x.csv', '--map', 'headline'], '--map: "headline" is not FIELD=NAME'],
    [['import', 'x.csv', '--limit', '3'], 'import: unknown option --limit'],
  ])('GIVEN %j THEN a clear error and exit 1', async (argv, message) => {
    const io = memoryIO('', { INIT_CWD: tempDir('import-cwd-') });
    expect(await runCli(['--archive', 'a', ...argv], io, silentLogger)).toBe(EXIT.badInput);
    expect(io.err()).toContain(message);
  });
});

/** A live archive over the shared fixture, as `npm start` serves one. */
function servedArchive(): { dir: string; live: LiveArchive } {
  const dir = writeArchive(FIXTURE);
  dirs.push(dir);
  const cachePath = join(tempDir('import-cache-'), 'index.json');
  const live = new LiveArchive(openEngine({ archiveDir: dir, cachePath }), { archiveDir: dir, cachePath, debounceMs: 50, cacheDelayMs: 60_000 });
  lives.push(live);
  return { dir, live };
}

describe('import into a live archive', () => {
  it('GIVEN a watched archive THEN imported articles are served without a restart', async () => {
    const { dir, live } = servedArchive();
    live.watch();
    await new Promise((r) => setTimeout(r, 300));
    const synced: SyncReport[] = [];
    live.onSync.add((r) => synced.push(r));
    const input = tempDir('import-input-');
    writeFileSync(join(input, 'gazette.rss'), RSS);
    const report = importFiles({ archiveDir: dir, files: [join(input, 'gazette.rss')] });
    const ids = report.articles.map((a) => a.id).sort();
    expect(ids).toHaveLength(2);
    const end = performance.now() + 5000;
    while (!ids.every((id) => synced.some((s) => s.added.includes(id)))) {
      if (performance.now() > end) throw new Error(`imported articles not served within 5 s: ${JSON.stringify(synced)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(live.engine.search({ query: 'stranding commuters', limit: 5 }).hits.map((h) => h.article)).toEqual([ids.find((id) => id.includes('ferry'))]);
  });
});

describe('console import', () => {
  it('GIVEN the console of a served archive THEN import writes into it and the next line finds the new articles', async () => {
    const { dir, live } = servedArchive();
    const commands = await loadCommands();
    const input = tempDir('import-input-');
    writeFileSync(join(input, 'gazette.rss'), RSS);
    expect(await consoleAnswer(live.ctx, commands, `import ${join(input, 'gazette.rss')}`, { archiveDir: dir, sync: () => live.sync() })).toMatch(/^Imported into .*: 2 articles added/);
    expect(await consoleAnswer(live.ctx, commands, 'search stranding commuters', { archiveDir: dir })).toContain('Ferry crews walk out over pay');
  });
});
