/**
 * `import` speed: a feed and a JSON Lines export of N real articles (default 1,000) imported
 * into an empty archive, then again (which must add 0). In-process medians, and the whole
 * command a user waits for (`npm run cli -- import`, a fresh process each time).
 *
 *   npm run bench:import -- CORPUS_DIR [--n 1000] [--runs 5] [--record]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArticle } from '../src/archive/parse.js';
import { importFiles } from '../src/import/import.js';
import { median } from './fixtures.js';
import { argOf, ms, Report } from './report.js';

const corpus = process.argv.slice(2).find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
if (!corpus) {
  console.error('usage: npm run bench:import -- CORPUS_DIR [--n 1000] [--runs 5] [--record]');
  process.exit(1);
}
const n = Number(argOf('n') ?? 1000);
const runs = Number(argOf('runs') ?? 5);

const names = readdirSync(corpus, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.txt')).sort().slice(0, n);
const articles = names.map((f) => parseArticle(f.replace(/\.txt$/, ''), readFileSync(join(corpus, f), 'utf8')).article);
const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const body = (a: (typeof articles)[number]): string[] => (a.headline ? a.paragraphs.slice(1) : a.paragraphs);
const rfc822 = (d: string | null): string => (d ? new Date(`${d}T12:00:00Z`).toUTCString() : '');

const work = mkdtempSync(join(tmpdir(), 'bench-import-'));
const rss = join(work, 'feed.rss');
const jsonl = join(work, 'export.jsonl');
writeFileSync(
  rss,
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title>\n${articles
    .map(
      (a) =>
        `<item><title>${escapeXml(a.title)}</title><link>https://bench.example/${a.id}</link><pubDate>${rfc822(a.date)}</pubDate><content:encoded><![CDATA[${body(a)
          .map((p) => `<p>${escapeXml(p)}</p>`)
          .join('')}]]></content:encoded></item>`,
    )
    .join('\n')}\n</channel></rss>\n`,
);
writeFileSync(jsonl, `${articles.map((a) => JSON.stringify({ title: a.title, date: a.date, url: `https://bench.example/${a.id}`, body: body(a).join('\n\n') })).join('\n')}\n`);

const report = new Report(52);
report.row('articles per input', `${articles.length} (from ${resolve(corpus)})`);
for (const [label, file] of [['RSS feed', rss], ['JSON Lines', jsonl]] as const) {
  const first: number[] = [];
  const again: number[] = [];
  for (let r = 0; r < runs; r++) {
    const archive = mkdtempSync(join(tmpdir(), 'bench-import-archive-'));
    let t = performance.now();
    const a = importFiles({ archiveDir: archive, files: [file] });
    first.push(performance.now() - t);
    t = performance.now();
    const b = importFiles({ archiveDir: archive, files: [file] });
    again.push(performance.now() - t);
    rmSync(archive, { recursive: true, force: true });
    if (a.added !== articles.length || b.added !== 0 || b.updated !== 0 || b.unchanged !== articles.length) {
      throw new Error(`${label}: expected ${articles.length} added then 0 added; got ${JSON.stringify({ a: [a.added, a.skipped.length], b: [b.added, b.updated, b.unchanged] })}`);
    }
  }
  report.row(`${label}: import into an empty archive (median of ${runs})`, ms(median(first)));
  report.row(`${label}: import again, 0 added (median of ${runs})`, ms(median(again)));
}

// What a user waits for: the whole command in a fresh process (tsx start-up included). On a
// shared machine the wall time mostly measures the others' load, so the CPU time is given too.
const whole: number[] = [];
const cpu: number[] = [];
const gnuTime = existsSync('/usr/bin/time');
for (let r = 0; r < 3; r++) {
  const archive = mkdtempSync(join(tmpdir(), 'bench-import-archive-'));
  const command = ['npm', 'run', '--silent', 'cli', '--', '--archive', archive, 'import', rss, '--json'];
  const t = performance.now();
  const run = gnuTime ? spawnSync('/usr/bin/time', ['-f', 'CPU %U %S', ...command], { stdio: ['ignore', 'ignore', 'pipe'] }) : spawnSync('npm', command.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0) throw new Error(`import command failed: ${run.stderr.toString()}`);
  const out = run.stderr.toString();
  whole.push(performance.now() - t);
  const m = /CPU ([\d.]+) ([\d.]+)/.exec(out);
  if (m) cpu.push((Number(m[1]) + Number(m[2])) * 1000);
  rmSync(archive, { recursive: true, force: true });
}
report.row('whole command `npm run cli -- import` feed, wall (median of 3)', ms(median(whole)));
if (cpu.length) report.row('whole command, CPU user+sys (median of 3)', ms(median(cpu)));
report.row('load average (1 min) at the end', loadavg()[0]?.toFixed(1) ?? '?');
rmSync(work, { recursive: true, force: true });
if (process.argv.includes('--record')) report.record(`import (issue 15): ${articles.length} articles`);
