/**
 * `npm run bench:load -- --archive DIR [--n 5000] [--rate 200] [--users 2000] [--soak 500] [--gc-samples]`: a steady stream of
 * interactions (searches, questions, autocomplete, articles, stats) sent through the local fake
 * Discord at a fixed rate, without waiting for answers, into the real bot. The fake runs in its
 * own process and counts the initial responses of every interaction (exactly one each), the time
 * to it, and whether deferred answers were edited in; this process samples its resident memory
 * after the first and the last thousand. Prints a markdown table.
 *
 * `--soak N` also makes N changes to probe files of a temporary copy of the archive while the load
 * runs, served through the live archive, and checks every probe answer for consistency.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadCommands } from '../src/commands/registry.js';
import { defaultCachePath } from '../src/config.js';
import { startBot } from '../src/discord/bot.js';
import { DEFAULT_COOLDOWN } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { LiveArchive } from '../src/live/live-archive.js';
import { openEngine } from '../src/open.js';
import { FAKE_TOKEN, type InteractionInput } from '../test/fake-discord/server.js';
import type { FromFake, ToFake } from './fake-process.js';
import { percentile } from './fixtures.js';
import { PREFIXES, QUESTIONS, SEARCHES, pick } from './interactions.js';
import { copyArchive, startSoak, type SoakReport } from './soak.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const archiveDir = arg('archive', 'seeds');
const n = Number(arg('n', '5000'));
const rate = Number(arg('rate', '200'));
// Enough people that nobody runs into the cooldown at this rate (each comes back every users / rate s).
const users = Number(arg('users', '2000'));
// --soak N: serve from a temporary copy of the archive, watched live, and make N file changes
// while the load runs (see soak.ts); every answer to the probes is checked for consistency.
const soakChanges = Number(arg('soak', '0'));
// --gc-samples: also sample right after a forced GC (what is retained). Those full GCs stall the
// bot for a moment, so they are opt-in: they raise the latency figures of that run.
const gcSamples = process.argv.includes('--gc-samples');
const BLOCK = 1000;

const log = createLogger('warn');
const t0 = performance.now();
const servedDir = soakChanges > 0 ? copyArchive(archiveDir) : archiveDir;
const opened = openEngine({ archiveDir: servedDir, cachePath: defaultCachePath(archiveDir), log });
const live = new LiveArchive(opened, { archiveDir: servedDir, log, debounceMs: 200 });
if (soakChanges > 0) live.watch();
const openMs = performance.now() - t0;
const articleIds = opened.engine.articles.map((a) => a.id);

/** The mix: 40% /search, 20% /ask, 25% autocomplete, 10% /article, 5% /stats; user ids cycle. */
function make(i: number): InteractionInput {
  const userId = String(100_000_000_000_000_000n + BigInt(i % users));
  const slot = i % 20;
  if (slot < 8) return { type: 'command', command: 'search', options: { query: pick(SEARCHES, i, 'oil') }, userId };
  if (slot < 12) return { type: 'command', command: 'ask', options: { question: pick(QUESTIONS, i, 'oil?') }, userId };
  if (slot < 17) return { type: 'autocomplete', command: 'article', options: { id: pick(PREFIXES, i, '') }, focused: 'id', userId };
  if (slot < 19) return { type: 'command', command: 'article', options: { id: pick(articleIds, i * 7919, '') }, userId };
  return { type: 'command', command: 'stats', options: {}, userId };
}
const kindOf = (x: InteractionInput): string => (x.type === 'autocomplete' ? 'autocomplete' : x.type === 'command' ? `/${x.command}` : x.type);

const child = fork(fileURLToPath(new URL('./fake-process.ts', import.meta.url)), [], { execArgv: ['--import', import.meta.resolve('tsx')] });
const messages: FromFake[] = [];
const waiting: Array<(m: FromFake) => void> = [];
child.on('message', (m: FromFake) => {
  // Sample memory the moment a block of interactions has gone out: as it is, then after a GC
  // (what is retained, without the garbage V8 has not collected yet).
  if (m.type === 'progress') {
    rss.set(m.sent, sample());
    if (gcSamples) {
      gc();
      retained.set(m.sent, sample());
    }
  }
  const w = waiting.shift();
  if (w) w(m);
  else messages.push(m);
});
const next = (): Promise<FromFake> => {
  const m = messages.shift();
  return m ? Promise.resolve(m) : new Promise((resolve) => waiting.push(resolve));
};
/** Resident memory, heap in use, and page sets held for page buttons (kept 15 minutes, at most 5,000). */
interface Sample {
  rss: number;
  heap: number;
  pageSets: number;
}
const rss = new Map<number, Sample>();
const retained = new Map<number, Sample>();
let pageSets = (): number => 0;
// With --expose-gc (the npm script passes it).
const gc = (): void => (typeof globalThis.gc === 'function' ? void globalThis.gc() : undefined);
const sample = (): Sample => {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed, pageSets: pageSets() };
};

const ready = await next();
if (ready.type !== 'ready') throw new Error('bench: the fake did not start');
// Production logs one info line per interaction; keep that cost in, but write it nowhere.
const quiet = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const bot = await startBot({
  config: { token: FAKE_TOKEN, apiBase: ready.apiBase, cooldown: DEFAULT_COOLDOWN },
  ctx: live.ctx,
  commands: await loadCommands(),
  log: quiet,
});
pageSets = () => bot.pages.size;

const inputs = Array.from({ length: n }, (_, i) => make(i));
// With --expose-gc (the npm script passes it): start from a heap without the index-loading garbage,
// so the first sample is not inflated by it; the samples during the run are taken without a GC.
gc();
const startRss = sample();
const load1 = loadavg()[0] ?? NaN;
let result: Extract<FromFake, { type: 'load-result' }>;
let lastRss: Sample | undefined;
let soak: ReturnType<typeof startSoak> | undefined;
let soakReport: SoakReport | undefined;
try {
  const message: ToFake = { type: 'load', inputs, rate, settleMs: 60_000, progressEvery: BLOCK };
  child.send(message);
  if (soakChanges > 0) soak = startSoak(live, servedDir, soakChanges, (n / rate) * 1000);
  for (;;) {
    const m = await next();
    if (m.type === 'load-result') {
      result = m;
      break;
    }
  }
  soakReport = await soak?.finish();
  gc();
  lastRss = sample();
} finally {
  await bot.stop();
  await live.close();
  if (servedDir !== archiveDir) rmSync(servedDir, { recursive: true, force: true });
  const close: ToFake = { type: 'close' };
  child.send(close);
  await once(child, 'exit');
}

const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '—');
const mb = (x: number | undefined): string => (x === undefined ? '—' : (x / 1e6).toFixed(0));
const row = (what: string, x: Sample | undefined): string => `| ${what} | ${mb(x?.rss)} | ${mb(x?.heap)} | ${x?.pageSets ?? '—'} |`;
const rows: string[] = [];
const kinds = [...new Set(inputs.map(kindOf)), 'all'];
for (const kind of kinds) {
  const picked = result.outcomes.filter((_, i) => kind === 'all' || kindOf(inputs[i] ?? { type: 'button', customId: '' }) === kind);
  const ms = picked.flatMap((o) => (o.firstMs === null ? [] : [o.firstMs])).sort((a, b) => a - b);
  const exactlyOne = picked.filter((o) => o.callbacks === 1).length;
  const none = picked.filter((o) => o.callbacks === 0).length;
  const more = picked.filter((o) => o.callbacks > 1).length;
  const deferred = picked.filter((o) => o.type === 5);
  const editsMissing = deferred.filter((o) => !o.edited).length;
  const types = [...new Set(picked.map((o) => o.type))].map((t) => `${String(t)}×${picked.filter((o) => o.type === t).length}`).join(', ');
  rows.push(
    `| ${kind} | ${picked.length} | ${exactlyOne} | ${none} | ${more} | ${f(percentile(ms, 50))} | ${f(percentile(ms, 99))} | ${f(ms[ms.length - 1] ?? NaN)} | ${types} | ${editsMissing} |`,
  );
}
const firstRss = rss.get(BLOCK);
const lastBlockRss = rss.get(Math.floor(n / BLOCK) * BLOCK);
const growth = firstRss === undefined || lastBlockRss === undefined ? NaN : ((lastBlockRss.rss - firstRss.rss) / firstRss.rss) * 100;
const firstKept = retained.get(BLOCK);
const lastKept = retained.get(Math.floor(n / BLOCK) * BLOCK);
const keptGrowth = firstKept === undefined || lastKept === undefined ? NaN : ((lastKept.rss - firstKept.rss) / firstKept.rss) * 100;

console.log(
  `\nbench:load: ${opened.engine.articles.length} articles from ${archiveDir} (index ${opened.source}, opened in ${(openMs / 1000).toFixed(1)} s), Node ${process.version}, ` +
    `fake Discord in its own process. ${n} interactions at ${rate}/s (sent in ${result.sendSeconds.toFixed(1)} s, all settled after ${result.totalSeconds.toFixed(1)} s), ` +
    `${users} users, cooldown ${DEFAULT_COOLDOWN.runs} runs per ${DEFAULT_COOLDOWN.seconds} s, load average at start ${load1.toFixed(2)}, at end ${(loadavg()[0] ?? NaN).toFixed(2)} (${cpus().length} CPUs). ` +
    `Gateway during the run: ${result.identifies} new IDENTIFY, ${result.resumes} RESUME.`,
);
console.log('First response: ms from INTERACTION_CREATE sent on the gateway to the first callback received at the fake (4 reply, 5 defer, 8 choices).\n');
console.log('| interaction | n | exactly one initial response | none | more than one | first response p50 | p99 | max | callback types | deferred, never edited in |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
console.log(`\n| bot process | resident MB | heap used MB | page sets held |\n|---|---|---|---|`);
console.log(row(`before the run (after a GC${typeof globalThis.gc === 'function' ? '' : ': not available, run with --expose-gc'})`, startRss));
for (const [sent, v] of [...rss].sort((a, b) => a[0] - b[0])) {
  console.log(row(`after ${sent} sent`, v));
  if (gcSamples) console.log(row(`after ${sent} sent, then a GC`, retained.get(sent)));
}
console.log(row('all settled, after a GC', lastRss));
console.log(
  `\nResident memory growth from the first to the last thousand: ${f(growth)} % as sampled${gcSamples ? `, ${f(keptGrowth)} % after a GC at both points` : ''} (target < 10 %).`,
);
if (soakReport) {
  console.log(`\n| soak: live archive changes while serving | |\n|---|---|`);
  for (const [k, v] of Object.entries(soakReport)) console.log(`| ${k} | ${String(v)} |`);
}
