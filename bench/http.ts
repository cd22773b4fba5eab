/**
 * `npm run bench:http -- --archive DIR [--n 500] [--record]`: the HTTP interactions endpoint,
 * one request at a time over loopback, each signed with a key generated here. It measures from
 * sending the POST to receiving the whole HTTP response (signature check, JSON, command, render,
 * limits) for /search, /ask, autocomplete, and a page turn — which, being stateless, runs the
 * search again from the custom id. Prints median and p99.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { loadCommands } from '../src/commands/registry.js';
import { defaultCachePath } from '../src/config.js';
import { makeHttpRouter } from '../src/http/router.js';
import { startHttpServer } from '../src/http/server.js';
import { InteractionWebhook } from '../src/http/webhook.js';
import { createLogger } from '../src/log.js';
import { openEngine } from '../src/open.js';
import { percentile } from './fixtures.js';
import { PREFIXES, QUESTIONS, SEARCHES, pick } from './interactions.js';
import { argOf, ms, Report } from './report.js';

const archiveDir = argOf('archive') ?? 'seeds';
const n = Number(argOf('n') ?? 500);
const log = createLogger('warn');
const { engine } = openEngine({ archiveDir, cachePath: defaultCachePath(archiveDir), log });
const commands = await loadCommands();
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const publicHex = Buffer.from(publicKey.export({ format: 'jwk' }).x ?? '', 'base64url').toString('hex');
// No webhook call is expected (nothing is slow enough to defer); a bad base makes one fail loudly.
const route = makeHttpRouter({ commands, ctx: { engine }, log, webhook: new InteractionWebhook({ apiBase: 'http://127.0.0.1:9/api' }) });
const endpoint = await startHttpServer({ publicKey: publicHex, host: '127.0.0.1', port: 0, route, log });

let seq = 0;
async function post(type: number, data: object, extra: object = {}): Promise<{ ms: number; json: { type: number; data?: { components?: Array<{ components: Array<{ custom_id: string }> }> } } }> {
  const body = JSON.stringify({ id: String(++seq), application_id: '1', token: `t${seq}`, type, data, member: { user: { id: '42' }, permissions: '0' }, ...extra });
  const ts = String(Math.floor(Date.now() / 1000));
  const started = performance.now();
  const res = await fetch(`${endpoint.url}/interactions`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', 'x-signature-timestamp': ts, 'x-signature-ed25519': sign(null, Buffer.from(ts + body), privateKey).toString('hex') },
  });
  const json = (await res.json()) as Awaited<ReturnType<typeof post>>['json'];
  return { ms: performance.now() - started, json };
}

const slash = (name: string, options: Record<string, unknown>): object => ({ name, type: 1, options: Object.entries(options).map(([k, value]) => ({ name: k, type: 3, value })) });
const kinds: Record<string, (i: number) => Promise<number>> = {
  '/search': async (i) => (await post(2, slash('search', { query: pick(SEARCHES, i, 'oil') }))).ms,
  '/ask': async (i) => (await post(2, slash('ask', { question: pick(QUESTIONS, i, 'who?') }))).ms,
  autocomplete: async (i) => (await post(4, { name: 'article', type: 1, options: [{ name: 'id', type: 3, value: pick(PREFIXES, i, ''), focused: true }] })).ms,
  'page turn (re-runs /search)': async (i) => {
    const first = await post(2, slash('search', { query: pick(SEARCHES, i, 'oil'), limit: '9' }));
    const next = first.json.data?.components?.[0]?.components[1]?.custom_id;
    if (!next) return NaN;
    return (await post(3, { custom_id: next, component_type: 2 }, { message: { interaction_metadata: { user: { id: '42' } } } })).ms;
  },
};

const report = new Report(40);
report.row('archive', `${archiveDir} (${engine.articles.length} articles)`);
for (const [kind, once] of Object.entries(kinds)) {
  for (let i = 0; i < Math.min(50, n); i++) await once(i); // warm up
  const times: number[] = [];
  for (let i = 0; i < n; i++) times.push(await once(i));
  const done = times.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
  report.row(`${kind}: response median / p99`, `${ms(percentile(done, 50))} / ${ms(percentile(done, 99))} (n=${done.length})`);
}
await endpoint.stop();
if (process.argv.includes('--record')) report.record('HTTP interactions endpoint (issue 16 item 4)');
