/**
 * The fake Discord in its own process for bench:bot and bench:load: the bot's synchronous work
 * cannot delay the fake's clock or its HTTP server, so "first callback received" is when it
 * really arrived.
 */
import { FakeDiscord, bodyOf, type InteractionInput, type RecordedRequest } from '../test/fake-discord/server.js';

export type ToFake =
  | { type: 'run'; inputs: InteractionInput[] }
  /** Sends `inputs` at `rate` per second without waiting for answers; then waits up to `settleMs` for the last ones. */
  | { type: 'load'; inputs: InteractionInput[]; rate: number; settleMs: number; progressEvery: number }
  | { type: 'close' };

/** Per interaction of a load run: callbacks received, first-response ms, its type, and whether a deferred answer was edited in. */
export interface LoadOutcome {
  callbacks: number;
  firstMs: number | null;
  type: unknown;
  edited: boolean;
}

/** `ms`: to the first callback; `doneMs`: to the whole answer (the reply, or the edit after a defer). */
export type FromFake =
  | { type: 'ready'; apiBase: string }
  | { type: 'result'; ms: number[]; doneMs: number[]; types: unknown[] }
  | { type: 'progress'; sent: number }
  | { type: 'load-result'; outcomes: LoadOutcome[]; sendSeconds: number; totalSeconds: number; identifies: number; resumes: number };

const send = (m: FromFake): void => void process.send?.(m);
// Discord's own heartbeat interval and a replay buffer of a minute at 200/s: a bot that falls
// behind under load is then judged as it would be by Discord, not by a stricter fake.
const fake = await FakeDiscord.start({ heartbeatMs: 41_250, record: false, replayLimit: 12_000 });

/** Load mode keeps counts, not requests: callbacks and edits by interaction id / token. */
const tracked = new Map<string, LoadOutcome & { sentAt: number }>();
const CALLBACK = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
const EDIT = /^\/webhooks\/\d+\/itoken_(\d+)\/messages\/@original$/;
fake.onAnswered((r: RecordedRequest) => {
  let m: RegExpExecArray | null;
  if (r.method === 'POST' && (m = CALLBACK.exec(r.path))) {
    const t = m[1] === undefined ? undefined : tracked.get(m[1]);
    if (!t) return;
    t.callbacks++;
    if (t.firstMs === null) {
      t.firstMs = r.at - t.sentAt;
      t.type = bodyOf(r).type;
    }
  } else if (r.method === 'PATCH' && (m = EDIT.exec(r.path))) {
    const t = m[1] === undefined ? undefined : tracked.get(m[1]);
    if (t) t.edited = true;
  }
});

const finished = (t: LoadOutcome): boolean => t.callbacks > 0 && (t.type !== 5 || t.edited);

async function load(m: Extract<ToFake, { type: 'load' }>): Promise<void> {
  await fake.waitForSession(30_000);
  tracked.clear();
  const identifies = fake.identifies.length;
  const resumes = fake.resumes.length;
  const order: string[] = [];
  const start = performance.now();
  let next = 0;
  // Dispatch on schedule (interaction i at start + i / rate), catching up after any late tick.
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const due = Math.min(m.inputs.length, Math.floor(((performance.now() - start) / 1000) * m.rate) + 1);
      for (; next < due; next++) {
        const input = m.inputs[next];
        if (!input) continue;
        const sent = fake.dispatchInteraction(input);
        tracked.set(sent.id, { callbacks: 0, firstMs: null, type: undefined, edited: false, sentAt: sent.sentAt });
        order.push(sent.id);
        if ((next + 1) % m.progressEvery === 0) send({ type: 'progress', sent: next + 1 });
      }
      if (next >= m.inputs.length) resolve();
      else setTimeout(tick, 2);
    };
    tick();
  });
  const sendSeconds = (performance.now() - start) / 1000;
  const settleBy = performance.now() + m.settleMs;
  while (performance.now() < settleBy && ![...tracked.values()].every(finished)) await new Promise((r) => setTimeout(r, 50));
  // A little longer, so that a second (duplicate) response would be counted too.
  await new Promise((r) => setTimeout(r, 500));
  const outcomes = order.map((id): LoadOutcome => {
    const t = tracked.get(id);
    return t ? { callbacks: t.callbacks, firstMs: t.firstMs, type: t.type, edited: t.edited } : { callbacks: 0, firstMs: null, type: undefined, edited: false };
  });
  send({
    type: 'load-result',
    outcomes,
    sendSeconds,
    totalSeconds: (performance.now() - start) / 1000,
    identifies: fake.identifies.length - identifies,
    resumes: fake.resumes.length - resumes,
  });
}

async function run(inputs: InteractionInput[]): Promise<void> {
  await fake.waitForSession(30_000);
  const ms: number[] = [];
  const doneMs: number[] = [];
  const types: unknown[] = [];
  for (const input of inputs) {
    const sent = fake.dispatchInteraction(input);
    const cb = await fake.waitForCallback(sent.id, 10_000);
    ms.push(cb.at - sent.sentAt);
    const type = bodyOf(cb).type;
    types.push(type);
    // Wait for the whole answer, so the next interaction does not queue behind this one's work.
    const done = type === 5 ? await fake.waitForWebhook(sent.token, 'PATCH', 10_000) : cb;
    doneMs.push(done.at - sent.sentAt);
  }
  send({ type: 'result', ms, doneMs, types });
}

process.on('message', (m: ToFake) => {
  if (m.type === 'close') void fake.close().then(() => process.exit(0));
  else if (m.type === 'load') void load(m);
  else void run(m.inputs);
});
send({ type: 'ready', apiBase: fake.apiBase });
