/**
 * The fake Discord in its own process for bench:bot: the bot's synchronous work cannot delay
 * the fake's clock or its HTTP server, so "first callback received" is when it really arrived.
 */
import { FakeDiscord, bodyOf, type InteractionInput } from '../test/fake-discord/server.js';

export type ToFake = { type: 'run'; inputs: InteractionInput[] } | { type: 'close' };
/** `ms`: to the first callback; `doneMs`: to the whole answer (the reply, or the edit after a defer). */
export type FromFake = { type: 'ready'; apiBase: string } | { type: 'result'; ms: number[]; doneMs: number[]; types: unknown[] };

const send = (m: FromFake): void => void process.send?.(m);
const fake = await FakeDiscord.start({ heartbeatMs: 5000 });

process.on('message', (m: ToFake) => {
  if (m.type === 'close') {
    void fake.close().then(() => process.exit(0));
    return;
  }
  void (async () => {
    await fake.waitForSession(30_000);
    const ms: number[] = [];
    const doneMs: number[] = [];
    const types: unknown[] = [];
    for (const input of m.inputs) {
      const sent = fake.dispatchInteraction(input);
      const cb = await fake.waitForCallback(sent.id, 10_000);
      ms.push(cb.at - sent.sentAt);
      const type = bodyOf(cb).type;
      types.push(type);
      // Wait for the whole answer, so the next interaction does not queue behind this one's work.
      const done = type === 5 ? await fake.waitForWebhook(sent.token, 'PATCH', 10_000) : cb;
      doneMs.push(done.at - sent.sentAt);
      if (fake.requests.length > 200) fake.clearRecorded();
    }
    send({ type: 'result', ms, doneMs, types });
  })();
});
send({ type: 'ready', apiBase: fake.apiBase });
