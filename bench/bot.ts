/**
 * `npm run bench:bot -- --archive DIR [--n 1000]`: interactions through the local fake Discord
 * into the real bot (discord.js client, router, engine, REST), one at a time. The fake runs in
 * its own process; it measures from sending INTERACTION_CREATE on the gateway to receiving the
 * first callback (reply, defer or autocomplete answer) for /search, /ask and autocomplete, and
 * this prints the median and p99 as a markdown table.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { loadCommands } from '../src/commands/registry.js';
import { defaultCachePath } from '../src/config.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { FAKE_TOKEN, type InteractionInput } from '../test/fake-discord/server.js';
import type { FromFake, ToFake } from './fake-process.js';
import { percentile } from './fixtures.js';
import { PREFIXES, QUESTIONS, SEARCHES, pick } from './interactions.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const archiveDir = arg('archive', 'seeds');
const n = Number(arg('n', '1000'));
const warmup = Math.min(100, n);

const kinds: Array<{ name: string; make: (i: number) => InteractionInput; target: string }> = [
  { name: '/search', make: (i) => ({ type: 'command', command: 'search', options: { query: pick(SEARCHES, i, 'oil') } }), target: 'median ≤ 5, p99 ≤ 50' },
  { name: '/ask', make: (i) => ({ type: 'command', command: 'ask', options: { question: pick(QUESTIONS, i, 'oil?') } }), target: '—' },
  {
    name: 'autocomplete (/article id)',
    make: (i) => ({ type: 'autocomplete', command: 'article', options: { id: pick(PREFIXES, i, '') }, focused: 'id' }),
    target: 'p99 ≤ 20',
  },
];

const log = createLogger('warn');
const t0 = performance.now();
const opened = openEngine({ archiveDir, cachePath: defaultCachePath(archiveDir), log });
const openMs = performance.now() - t0;

const child = fork(fileURLToPath(new URL('./fake-process.ts', import.meta.url)), [], { execArgv: ['--import', import.meta.resolve('tsx')] });
const next = async (): Promise<FromFake> => {
  const [m] = (await once(child, 'message')) as [FromFake];
  return m;
};
const ready = await next();
if (ready.type !== 'ready') throw new Error('bench: the fake did not start');
// Production logs one info line per interaction; keep that cost in, but write it nowhere.
const quiet = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const bot = await startBot({ config: { token: FAKE_TOKEN, apiBase: ready.apiBase }, ctx: { engine: opened.engine }, commands: await loadCommands(), log: quiet });

async function run(inputs: InteractionInput[]): Promise<{ ms: number[]; doneMs: number[]; types: unknown[] }> {
  const message: ToFake = { type: 'run', inputs };
  child.send(message);
  const m = await next();
  if (m.type !== 'result') throw new Error('bench: unexpected message from the fake');
  return m;
}

const rows: string[] = [];
try {
  for (const k of kinds) {
    await run(Array.from({ length: warmup }, (_, i) => k.make(i)));
    const { ms, doneMs, types } = await run(Array.from({ length: n }, (_, i) => k.make(i)));
    ms.sort((a, b) => a - b);
    doneMs.sort((a, b) => a - b);
    const count = (t: unknown): number => types.filter((x) => x === t).length;
    const typeSummary = [...new Set(types)].map((t) => `${String(t)}×${count(t)}`).join(', ');
    const f = (x: number): string => x.toFixed(2);
    rows.push(
      `| ${k.name} | ${n} | ${f(percentile(ms, 50))} | ${f(percentile(ms, 99))} | ${f(ms[ms.length - 1] ?? NaN)} | ${f(percentile(doneMs, 50))} | ${f(percentile(doneMs, 99))} | ${typeSummary} | ${k.target} |`,
    );
  }
} finally {
  await bot.stop();
  const close: ToFake = { type: 'close' };
  child.send(close);
  await once(child, 'exit');
}

console.log(
  `\nbench:bot: ${opened.engine.articles.length} articles from ${archiveDir} (index ${opened.source}, opened in ${(openMs / 1000).toFixed(1)} s), Node ${process.version}, ` +
    `fake Discord in its own process, interactions one at a time after ${warmup} warm-up each.`,
);
console.log(
  'Milliseconds from INTERACTION_CREATE sent on the gateway to the first callback received (reply, defer or choices), and to the whole answer ' +
    '(the reply itself, or the edit of @original after a defer). Callback types: 4 reply, 5 defer, 8 choices.\n',
);
console.log('| interaction | n | first response median | p99 | max | whole answer median | p99 | callback types | target (first response) |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
