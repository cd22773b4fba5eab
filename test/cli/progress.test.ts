import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress.js';
import { runCli } from '../../src/cli/run.js';
import { createCliLogger, humanLine } from '../../src/cli/terminal-log.js';
import { silentLogger } from '../../src/log.js';
import { memoryIO, removeDir, writeArchive } from '../helpers/archive.js';

function sink(isTTY: boolean, columns = 100): { isTTY: boolean; columns: number; write(s: string): void; text(): string } {
  let text = '';
  return { isTTY, columns, write: (s: string) => void (text += s), text: () => text };
}

describe('ProgressBar', () => {
  it('GIVEN a terminal THEN it redraws one line in place with counts, percentage and time left', () => {
    const out = sink(true);
    let now = 0;
    const bar = new ProgressBar(out, () => now, 100);
    bar.update('indexing', 0, 19043);
    now = 2000;
    bar.update('indexing', 9500, 19043);
    const frames = out.text().split('\r\x1b[K').filter(Boolean);
    expect(frames).toHaveLength(2);
    expect(frames[1]).toBe(`indexing ${'█'.repeat(12)}${'░'.repeat(12)} 9,500/19,043 · 49% · about 2 s left`);
    bar.clear();
    expect(out.text().endsWith('\r\x1b[K')).toBe(true);
  });

  it('GIVEN updates faster than the interval THEN it draws only some of them, but always the last', () => {
    const out = sink(true);
    let now = 0;
    const bar = new ProgressBar(out, () => now, 100);
    for (let i = 1; i <= 1000; i++) {
      now = i;
      bar.update('reading', i, 1000);
    }
    const frames = out.text().split('\r\x1b[K').filter(Boolean);
    expect(frames.length).toBeLessThan(15);
    expect(frames.at(-1)).toContain('1,000/1,000 · 100%');
    expect(frames.at(-1)).not.toContain('left');
  });

  it('GIVEN a pipe or CI THEN it writes nothing at all', () => {
    const out = sink(false);
    const bar = new ProgressBar(out);
    bar.update('indexing', 5, 10);
    bar.clear();
    expect(out.text()).toBe('');
  });

  it('GIVEN a narrow terminal THEN the bar shrinks, then goes, so the line fits', () => {
    const line60 = new ProgressBar(sink(true, 60)).line('indexing articles', 9500, 19043, 2000);
    expect(line60.length).toBeLessThan(60);
    expect(line60).toMatch(/^indexing articles █+░+ 9,500\/19,043 · 49% · about 2 s left$/);
    expect(new ProgressBar(sink(true, 30)).line('indexing', 1, 3, 1000).length).toBeLessThan(30);
  });

  it('GIVEN a terminal that reports 0 columns THEN it is taken as 80 wide', () => {
    expect(new ProgressBar(sink(true, 0)).line('reading files', 0, 19043, 0)).toBe(`reading files ${'░'.repeat(24)} 0/19,043 · 0%`);
  });

  it('GIVEN a step of one THEN only its name is shown', () => {
    expect(new ProgressBar(sink(true)).line('building quotes', 0, 1, 0)).toBe('building quotes…');
  });
});

describe('terminal logs', () => {
  it('GIVEN a loader warning THEN a terminal shows a sentence, not JSON', () => {
    expect(humanLine('{"level":40,"time":1,"pid":1,"file":"2020/x.txt","msg":"no date header; date unknown"}')).toBe('warning: 2020/x.txt: no date header; date unknown');
    expect(humanLine('{"level":50,"msg":"could not write the index cache","err":"ENOSPC"}')).toBe('error: could not write the index cache (ENOSPC)');
  });

  it('GIVEN a terminal THEN the logger writes sentences and clears the bar first; GIVEN a pipe THEN JSON lines', () => {
    const tty = sink(true);
    let cleared = 0;
    createCliLogger('warn', tty, () => cleared++).warn({ file: 'a.txt' }, 'empty file; skipped');
    expect(tty.text()).toBe('warning: a.txt: empty file; skipped\n');
    expect(cleared).toBe(1);
    const pipe = sink(false);
    createCliLogger('warn', pipe).warn({ file: 'a.txt' }, 'empty file; skipped');
    expect(JSON.parse(pipe.text())).toMatchObject({ level: 40, file: 'a.txt', msg: 'empty file; skipped' });
  });

  it('GIVEN a token in a logged object THEN it is redacted in both forms', () => {
    const pipe = sink(false);
    createCliLogger('warn', pipe).warn({ token: 'secret-value' }, 'x');
    expect(pipe.text()).not.toContain('secret-value');
  });
});

describe('runCli progress', () => {
  it('GIVEN a terminal and a first build THEN stderr shows the phases with counts and ends on a clean line; GIVEN a pipe THEN nothing', async () => {
    const dir = writeArchive();
    const cacheDir = mkdtempSync(join(tmpdir(), 'progress-cache-'));
    try {
      const tty = memoryIO();
      Object.assign(tty.stderr, { isTTY: true, columns: 100 });
      expect(await runCli(['--archive', dir, '--cache', join(cacheDir, 'a.json'), 'stats', '--json'], tty, silentLogger)).toBe(0);
      expect(tty.err()).toMatch(/reading files .* 0\/\d+ · 0%/);
      expect(tty.err()).toMatch(/indexing articles .* (\d+)\/\1 · 100%/);
      expect(tty.err().endsWith('\r\x1b[K')).toBe(true);
      expect(() => JSON.parse(tty.out())).not.toThrow();
      const pipe = memoryIO();
      expect(await runCli(['--archive', dir, '--cache', join(cacheDir, 'b.json'), 'stats', '--json'], pipe, silentLogger)).toBe(0);
      expect(pipe.err()).toBe('');
    } finally {
      removeDir(dir);
      removeDir(cacheDir);
    }
  });
});
