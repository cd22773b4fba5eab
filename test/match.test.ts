import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../src/cli/run.js';
import type { CommandContext, CommandSpec } from '../src/commands/command.js';
import { loadCommands } from '../src/commands/registry.js';
import { openEngine } from '../src/open.js';
import { removeDir } from './helpers/archive.js';
import { writeArchive } from './helpers.js';

/** One matcher: a topic finds the same articles in /digest, /timeline and /quotes. */

const ARCHIVE: Record<string, string> = {
  'a-both': 'date 2021-02-01\n\nHarbor ferry returns\n\n“The ferry is back,” said Ana Lima, the harbor master.',
  'b-ferry-only': 'date 2021-02-02\n\nFerry news\n\n“The ferry runs late,” said Ana Lima, who rides it.',
  'c-harbor-only': 'date 2021-02-03\n\nHarbor news\n\n“The harbor is calm,” said Ana Lima, on the pier.',
  'd-forms': 'date 2021-02-04\n\nHarbors and ferries\n\nThe harbors saw more ferries this week, officials said.',
};

let dir: string;
let ctx: CommandContext;
let commands: Map<string, CommandSpec>;
beforeAll(async () => {
  dir = writeArchive(ARCHIVE);
  ctx = { engine: openEngine({ archiveDir: dir }).engine };
  commands = await loadCommands();
});
afterAll(() => removeDir(dir));

async function run(command: string, options: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await answerLine(ctx, commands, JSON.stringify({ id: 1, command, options }), 1);
  if (!r.ok) throw new Error(r.error);
  return r.result as Record<string, unknown>;
}

describe('a topic across commands', () => {
  it('GIVEN "harbor ferry" THEN the engine, /digest, /timeline and /quotes agree on the articles about it', async () => {
    const about = [...ctx.engine.topicArticles('harbor ferry')].sort();
    // Every word, in any of its forms (the index stems them): not the articles naming only one.
    expect(about).toEqual(['a-both', 'd-forms']);

    const digest = (await run('digest', { from: '2021', to: '2021', topic: 'harbor ferry' })) as { entries: Array<{ article: string }> };
    expect(digest.entries.map((e) => e.article).sort()).toEqual(about);

    const timeline = (await run('timeline', { query: 'harbor ferry' })) as { total: { articles: number } };
    expect(timeline.total.articles).toBe(about.length);

    const quotes = (await run('quotes', { topic: 'harbor ferry' })) as { quotes: Array<{ article: string }> };
    expect(quotes.quotes.length).toBeGreaterThan(0);
    for (const q of quotes.quotes) expect(about).toContain(q.article);
    const bySpeaker = (await run('quotes', { speaker: 'Ana Lima', topic: 'ferry harbor' })) as { quotes: Array<{ article: string }> };
    expect(bySpeaker.quotes.map((q) => q.article)).toEqual(['a-both']);
  });

  it('GIVEN any mode THEN the articles holding either word', () => {
    expect([...ctx.engine.topicArticles('harbor ferry', 'any')].sort()).toEqual(['a-both', 'b-ferry-only', 'c-harbor-only', 'd-forms']);
  });

  it('GIVEN an empty or common-words topic THEN the same clear message as a query', async () => {
    expect(() => ctx.engine.topicArticles('the of')).toThrow(/only common words/);
    await expect(run('digest', { from: '2021', topic: 'the of' })).rejects.toThrow(/topic/);
  });
});
