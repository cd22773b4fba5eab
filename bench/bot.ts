/**
 * `npm run bench:bot -- --archive DIR [--n 1000]`: interactions through the local fake Discord
 * into the real bot (discord.js client, router, engine, REST), one at a time. Measures the time
 * from the gateway's INTERACTION_CREATE to the first callback reaching the fake's HTTP server
 * (reply, defer or autocomplete answer) for /search, /ask and autocomplete; prints a markdown table.
 */
import pino from 'pino';
import { loadCommands } from '../src/commands/registry.js';
import { defaultCachePath } from '../src/config.js';
import { startBot } from '../src/discord/bot.js';
import { createLogger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { FAKE_TOKEN, FakeDiscord, bodyOf, type InteractionInput } from '../test/fake-discord/server.js';
import { percentile } from './fixtures.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const archiveDir = arg('archive', 'seeds');
const n = Number(arg('n', '1000'));
const warmup = Math.min(100, n);

const SEARCHES = [
  'oil prices', 'crude output', 'interest rates', 'trade deficit', 'wheat exports', 'merger agreement', 'stock split',
  'quarterly dividend', 'net profit', 'money supply', 'coffee quota', 'sugar production', 'gold reserves', 'bank of japan',
  'opec ceiling', 'currency intervention', 'grain shipments', 'soybean crop', 'takeover bid', 'debt rescheduling',
  'brazil debt', 'japanese tariffs', 'federal reserve', 'bundesbank', 'yen dollar', 'cocoa buffer stock', 'natural gas',
  'copper price', 'steel imports', 'unemployment rate', 'inflation', 'gnp growth', 'shipping strike', 'rubber agreement',
  'tin council', 'acquisition shares', 'earnings per share', 'subpoena', 'city', 'immigration',
];
const QUESTIONS = [
  'What did OPEC decide about oil output?', 'Who wants to buy the company?', 'How much did the trade deficit grow?',
  'When will the dividend be paid?', 'Why did the dollar fall?', 'Who is the chairman of the Federal Reserve?',
  'How much wheat did the Soviet Union buy?', 'What is the coffee export quota?', 'Where will the new plant be built?',
  'How many shares will be issued?', 'What did the Bundesbank do with interest rates?', 'Who said the subpoenas were shameful?',
];
const PREFIXES = ['oil', 'bank', 'trade', 'wh', 'ja', 'us', '', 'r21578-0', 'r21578-1', 'co', 'dollar', 'opec', 'gold', 'fed', 'pr', 'sh'];

const log = createLogger('warn');
const t0 = performance.now();
const opened = openEngine({ archiveDir, cachePath: defaultCachePath(archiveDir), log });
const openMs = performance.now() - t0;
const fake = await FakeDiscord.start({ heartbeatMs: 5000 });
// Production logs one info line per interaction; keep that cost in, but write it nowhere.
const quiet = pino({ level: 'info' }, pino.destination({ dest: '/dev/null', sync: true }));
const bot = await startBot({ config: { token: FAKE_TOKEN, apiBase: fake.apiBase }, ctx: { engine: opened.engine }, commands: await loadCommands(), log: quiet });

async function measure(make: (i: number) => InteractionInput, count: number): Promise<{ ms: number[]; types: Set<unknown> }> {
  const ms: number[] = [];
  const types = new Set<unknown>();
  for (let i = 0; i < count; i++) {
    const sent = fake.dispatchInteraction(make(i));
    const cb = await fake.waitForCallback(sent.id, 10_000);
    ms.push(cb.at - sent.sentAt);
    types.add(bodyOf(cb).type);
    if (fake.requests.length > 200) fake.clearRecorded();
  }
  return { ms, types };
}

const kinds: Array<{ name: string; make: (i: number) => InteractionInput; target: string }> = [
  { name: '/search', make: (i) => ({ type: 'command', command: 'search', options: { query: SEARCHES[i % SEARCHES.length] ?? 'oil' } }), target: 'median ≤ 5, p99 ≤ 50' },
  { name: '/ask', make: (i) => ({ type: 'command', command: 'ask', options: { question: QUESTIONS[i % QUESTIONS.length] ?? 'oil?' } }), target: '—' },
  {
    name: 'autocomplete (/article id)',
    make: (i) => ({ type: 'autocomplete', command: 'article', options: { id: PREFIXES[i % PREFIXES.length] ?? '' }, focused: 'id' }),
    target: 'p99 ≤ 20',
  },
];

const rows: string[] = [];
try {
  for (const k of kinds) {
    await measure(k.make, warmup);
    const { ms, types } = await measure(k.make, n);
    ms.sort((a, b) => a - b);
    const f = (x: number): string => x.toFixed(2);
    if (process.env.BENCH_DEBUG) console.log(k.name, ms.slice(-15).map((x) => x.toFixed(1)).join(' '), 'above 10 ms:', ms.filter((x) => x > 10).length);
    rows.push(`| ${k.name} | ${n} | ${f(percentile(ms, 50))} | ${f(percentile(ms, 99))} | ${f(ms[ms.length - 1] ?? NaN)} | ${[...types].join(', ')} | ${k.target} |`);
  }
} finally {
  await bot.stop();
  await fake.close();
}

console.log(`\nbench:bot: ${opened.engine.articles.length} articles from ${archiveDir} (index ${opened.source}, opened in ${(openMs / 1000).toFixed(1)} s), Node ${process.version}, sequential, after ${warmup} warm-up interactions each.`);
console.log('Time from INTERACTION_CREATE sent by the fake gateway to the first callback received by the fake REST (ms):\n');
console.log('| interaction | n | median | p99 | max | callback types | target |');
console.log('|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
