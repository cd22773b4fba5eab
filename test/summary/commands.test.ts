import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/cli/run.js';
import type { CommandContext } from '../../src/commands/command.js';
import { loadCommands } from '../../src/commands/registry.js';
import type { CommandSpec } from '../../src/commands/command.js';
import { openEngine } from '../../src/open.js';
import { digestPages, digestText, summaryPages, summaryText } from '../../src/render/summary.js';
import type { DigestEntry } from '../../src/summary/digest.js';
import { summaryOf, type SummaryResult } from '../../src/summary/request.js';
import { COUNCIL } from './fixtures.js';

const FILES: Record<string, string> = {
  'council-budget': `date 2021-03-04
Council approves budget with cuts to libraries

${COUNCIL.paragraphs.slice(1).join('\n\n')}`,
  'ferry-strike': `---
title: Ferry strike ends after three days
date: 2021-03-04
url: https://example.org/ferry
---
Ferry workers ended a three-day strike on Thursday after the operator agreed to raise wages by 4% this year and 3% next year.

"It is a fair deal for people who keep the islands connected," union leader Tom Reilly said.

Services resume on Friday morning, the operator said.`,
  'harbour-fireworks': `date 2021-01-01
Half a million people watched the New Year fireworks over the harbour, the largest crowd in a decade.

Police said the night passed without serious incidents.`,
  'only-headline': `date 2021-02-01
Storm warning for the coast`,
};

let dir: string;
let ctx: CommandContext;
let commands: Map<string, CommandSpec>;
const ask = async (command: string, options: Record<string, unknown>): Promise<{ ok: boolean; result?: unknown; error?: string }> =>
  answerLine(ctx, commands, JSON.stringify({ id: 1, command, options }), 1);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'summary-cmd-'));
  for (const [id, text] of Object.entries(FILES)) writeFileSync(join(dir, `${id}.txt`), text);
  ctx = { engine: openEngine({ archiveDir: dir }).engine };
  commands = await loadCommands();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('summary command', () => {
  it('GIVEN an article id THEN the result has the interface shape: article, date, title, verbatim sentences', async () => {
    const r = await ask('summary', { article: 'council-budget', sentences: 2 });
    expect(r.ok).toBe(true);
    expect(r.result).toMatchObject({ article: 'council-budget', date: '2021-03-04', title: 'Council approves budget with cuts to libraries' });
    const res = r.result as SummaryResult;
    expect(res.sentences).toHaveLength(2);
    expect(res.paragraphs).toHaveLength(2);
    for (const s of res.sentences) expect(FILES['council-budget']).toContain(s);
  });

  it('GIVEN a query THEN it summarises the best-matching article', async () => {
    const r = await ask('summary', { query: 'ferry wages strike' });
    expect(r.result).toMatchObject({ article: 'ferry-strike', url: 'https://example.org/ferry', query: 'ferry wages strike' });
  });

  it('GIVEN an unknown id THEN the error names it and suggests close ids', async () => {
    const r = await ask('summary', { article: 'council-budgt' });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/unknown article: council-budgt; did you mean council-budget\?/);
  });

  it.each([0, 11, -1, 'abc'])('GIVEN sentences=%j THEN a clear error, no crash', async (sentences) => {
    const r = await ask('summary', { article: 'council-budget', sentences });
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(/sentences/);
  });

  it('GIVEN neither article nor query THEN it sums up the newest article and says so', async () => {
    const r = await ask('summary', {});
    expect(r.result).toMatchObject({ article: 'ferry-strike', date: '2021-03-04', newest: true });
    expect(summaryText(r.result as SummaryResult)).toContain('(the newest article');
  });

  it('GIVEN a query nothing matches THEN a clear error', async () => {
    expect((await ask('summary', { query: 'xylophone' })).error).toMatch(/no article matches "xylophone"/);
  });

  it('GIVEN an article that is only a headline THEN the reply is that line, not empty', async () => {
    const r = await ask('summary', { article: 'only-headline' });
    expect((r.result as SummaryResult).sentences).toEqual(['Storm warning for the coast']);
  });
});

describe('summaryOf', () => {
  const source = {
    articles: [COUNCIL],
    getArticle: () => COUNCIL,
    search: () => ({ hits: [] }),
    keyQuotes: () => [
      { text: 'It is shameful.', speaker: 'Maria Chen', paragraph: 7 },
      { text: 'We cannot spend money we do not have', speaker: 'Dana Ortiz', paragraph: 3 },
      { text: 'A third quote', speaker: null, paragraph: 8 },
    ],
  };

  it('GIVEN the quotes hook THEN at most two key quotes come with their speakers', () => {
    const r = summaryOf(source, { article: 'x' });
    expect(r.quotes).toHaveLength(2);
    expect(r.quotes?.[0]).toEqual({ text: 'It is shameful.', speaker: 'Maria Chen', paragraph: 7 });
  });

  it('GIVEN a key quote the summary already shows THEN another quote is preferred', () => {
    const shown = summaryOf(source, { article: 'x' }).sentences;
    const inSummary = { text: (shown[1] ?? '').slice(0, 40), speaker: 'Someone Shown', paragraph: 3 };
    const r = summaryOf({ ...source, keyQuotes: () => [inSummary, ...source.keyQuotes()] }, { article: 'x' });
    expect(r.quotes).toHaveLength(2);
    expect(r.quotes?.map((q) => q.speaker)).not.toContain('Someone Shown');
  });

  it('GIVEN the real quotes feature THEN key quotes come with canonical speakers', async () => {
    const r = (await ask('summary', { article: 'ferry-strike' })).result as SummaryResult;
    expect(r.quotes?.[0]).toMatchObject({ speaker: 'Tom Reilly', paragraph: 2 });
  });

  it('GIVEN no quotes hook THEN the result has no quotes field', () => {
    expect(summaryOf({ articles: [COUNCIL], getArticle: source.getArticle, search: source.search }, { article: 'x' })).not.toHaveProperty('quotes');
  });

  it('GIVEN a result THEN text and Discord renderings carry title, date, sentences, quotes, words and citations', () => {
    const r = summaryOf(source, { article: 'x' });
    const text = summaryText(r);
    expect(text).toContain('Council approves budget with cuts to libraries');
    expect(text).toContain('2021-03-04 · 2021/council-budget');
    expect(text).toMatch(/words/);
    expect(text).toContain('“It is shameful.” — Maria Chen [¶7]');
    expect(text).toMatch(/Source: 2021\/council-budget ¶\d/);
    const [page] = summaryPages(r);
    const embed = page?.embeds[0];
    expect(embed?.title).toBe('Council approves budget with cuts to libraries');
    expect(embed?.fields?.[0]?.name).toBe('Key quotes');
    expect(embed?.footer?.text).toMatch(/2021-03-04 · 2021\/council-budget ¶\d.* words/);
  });
});

describe('digest command', () => {
  it('GIVEN a day THEN newest id first, one sentence each, with citations', async () => {
    const r = await ask('digest', { date: '2021-03-04' });
    expect(r.ok).toBe(true);
    const d = r.result as { entries: Array<{ article: string; summary: string; paragraph: number }>; total: number };
    expect(d.total).toBe(2);
    expect(d.entries.map((e) => e.article)).toEqual(['ferry-strike', 'council-budget']);
    expect(d.entries[0]?.summary).toMatch(/^Ferry workers ended a three-day strike/);
  });

  it('GIVEN a period with a topic THEN only matching articles', async () => {
    const r = await ask('digest', { from: '2021', to: '2021-12', topic: 'fireworks' });
    expect((r.result as { entries: Array<{ article: string }> }).entries.map((e) => e.article)).toEqual(['harbour-fireworks']);
  });

  it.each([
    [{ date: '2020-02-30' }, /2020-02-30/],
    [{ from: '2021-03', to: '2021-01' }, /after/],
    [{ limit: 0 }, /limit/],
  ])('GIVEN %j THEN a clear error', async (options, message) => {
    const r = await ask('digest', options);
    expect(r.ok).toBe(false);
    expect(r.error).toMatch(message);
  });

  it('GIVEN results THEN renderers show date, title, summary and citation; nothing found says so', async () => {
    const grouped = (await ask('digest', { date: '2021-03-04', limit: 1 })).result as Parameters<typeof digestText>[0];
    expect(digestText(grouped)).toMatch(/^Digest 2021-03-04: 2 articles in 2 stories · page 1 of 2\n\n.+ \(1 article\)\n {4}.+\n {4}\[.+ ¶1\] 2021-03-04/);
    expect(digestPages(grouped)[0]?.embeds[0]?.footer?.text).toContain('biggest stories first');
    const r = (await ask('digest', { date: '2021-03-04', limit: 1, articles: true })).result as Parameters<typeof digestText>[0];
    const text = digestText(r);
    expect(text).toContain('Digest 2021-03-04: 2 articles · page 1 of 2');
    expect(text).toContain('2021-03-04  Ferry strike ends after three days [ferry-strike ¶1] https://example.org/ferry');
    expect(text).toContain('--page 2');
    expect(digestPages(r)[0]?.embeds[0]?.description).toContain('[Ferry strike ends after three days](https://example.org/ferry)');
    const none = (await ask('digest', { date: '2021-03-04', topic: 'volcano' })).result as Parameters<typeof digestText>[0];
    expect(digestText(none)).toBe('No articles on 2021-03-04 on “volcano”.');
    expect(digestPages(none)[0]?.content).toBe('No articles on 2021-03-04 on “volcano”.');
  });
});

describe('digestPages limits', () => {
  it('GIVEN 25 long entries with markdown and mentions THEN every page fits Discord limits and nothing pings', () => {
    const entry = (i: number): DigestEntry => ({
      article: `1987/r${i}`,
      title: `**Big** news @everyone number ${i} ${'x'.repeat(300)}`,
      date: '1987-03-01',
      summary: `<@123> said ${'word '.repeat(200)}`,
      paragraph: 2,
    });
    const pages = digestPages({ from: '1987-03-01', to: '1987-03-31', topic: null, total: 25, page: 1, pages: 1, entries: Array.from({ length: 25 }, (_, i) => entry(i)) });
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) {
      const e = p.embeds[0];
      const size = (e?.title?.length ?? 0) + (e?.description?.length ?? 0) + (e?.footer?.text.length ?? 0);
      expect(e?.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(size).toBeLessThanOrEqual(6000);
      expect(e?.description).not.toMatch(/@everyone|<@123>/);
    }
  });
});
