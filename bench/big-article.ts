/**
 * The largest allowed article (issue 13, item 6): how long one file of MAX_ARTICLE_BYTES holds
 * the event loop in the live path, and how long /stats, /article and /summary take on it.
 * The article is made of the given archive's own text, concatenated up to the limit.
 *
 *   npx tsx bench/big-article.ts --archive /path/to/bbc [--bytes 1048576] [--runs 5] [--record]
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_MAX_ARTICLE_BYTES } from '../src/archive/load.js';
import { loadCommands } from '../src/commands/registry.js';
import { LiveArchive } from '../src/live/live-archive.js';
import { openEngine } from '../src/open.js';
import { median } from './fixtures.js';
import { argOf, ms, Report } from './report.js';

const source = argOf('archive');
if (!source) throw new Error('usage: bench/big-article.ts --archive DIR [--bytes N] [--runs 5] [--record]');
const bytes = Number(argOf('bytes') ?? DEFAULT_MAX_ARTICLE_BYTES);
const runs = Number(argOf('runs') ?? 5);
const files = readdirSync(source).filter((f) => f.endsWith('.txt')).sort();
let body = '';
for (const f of files) {
  if (body.length >= bytes) break;
  body += `${readFileSync(join(source, f), 'utf8').replace(/^date[^\n]*\n/, '')}\n\n`;
}
let text = `date 2020-01-01\n\nThe largest article\n\n${body}`.slice(0, bytes);
// Characters are not bytes (£, é): cut until the UTF-8 size is within the limit.
while (Buffer.byteLength(text) > bytes) text = text.slice(0, text.length - Math.max(16, Math.ceil((Buffer.byteLength(text) - bytes) / 2)));
const dir = mkdtempSync(join(tmpdir(), 'big-article-'));
for (const f of files.slice(0, 200)) writeFileSync(join(dir, f), readFileSync(join(source, f)));
const report = new Report(48);
try {
  const live = new LiveArchive(openEngine({ archiveDir: dir }), { archiveDir: dir, cacheDelayMs: 3_600_000 });
  const commands = await loadCommands();
  const run = async (name: string, options: Record<string, unknown>): Promise<number> => {
    const c = commands.get(name);
    if (!c) throw new Error(`no command ${name}`);
    const t = performance.now();
    const result = await c.run(live.ctx, options as never);
    c.renderDiscord(result);
    return performance.now() - t;
  };
  const sync: number[] = [];
  const stats: number[] = [];
  const article: number[] = [];
  const summary: number[] = [];
  for (let i = 0; i < runs; i++) {
    writeFileSync(join(dir, `big-${i}.txt`), text);
    const t = performance.now();
    live.sync();
    sync.push(performance.now() - t);
    stats.push(await run('stats', {}));
    article.push(await run('article', { id: `big-${i}` }));
    summary.push(await run('summary', { article: `big-${i}` }));
  }
  report.row('article size', `${(Buffer.byteLength(text) / 2 ** 20).toFixed(2)} MiB, ${text.split(/\s+/).length} words`);
  report.row('live sync of the one file (event loop held)', `median ${ms(median(sync))}, max ${ms(Math.max(...sync))} (${runs} runs)`);
  report.row('/stats (run + render)', `median ${ms(median(stats))}`);
  report.row('/article (run + render)', `median ${ms(median(article))}`);
  report.row('/summary (run + render)', `median ${ms(median(summary))}`);
  await live.close();
  if (process.argv.includes('--record')) report.record('The largest allowed article (issue 13)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
