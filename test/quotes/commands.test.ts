import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerLine } from '../../src/cli/run.js';
import { autocompleteChoices } from '../../src/commands/autocomplete.js';
import type { CommandContext } from '../../src/commands/command.js';
import { loadCommands } from '../../src/commands/registry.js';
import type { CommandSpec } from '../../src/commands/command.js';
import { openEngine } from '../../src/open.js';
import { quotesPages, quotesText, speakersText } from '../../src/render/quotes.js';

let dir: string;
let ctx: CommandContext;
let commands: Map<string, CommandSpec>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quotes-cmd-'));
  writeFileSync(
    join(dir, 'harbour.txt'),
    `date 2022-09-14

Harbour bridge to close for repairs

The city will close the harbour bridge for six weeks, Mayor Lena Okafor announced on Monday.

“The bridge is safe today, but it will not stay safe without this work,” Okafor said. “Every week we wait costs us more.”

Engineer Paul Brandt, who led the inspection, said the cables showed “corrosion we did not expect at this age.”

“We found rust in places the drawings said were sealed,” Brandt told reporters.`,
  );
  writeFileSync(
    join(dir, 'ferry.txt'),
    `date 2022-09-20

Ferries added during bridge closure

“Nobody should lose an hour a day because the bridge is shut,” Mayor Okafor said at the ferry terminal.`,
  );
  ctx = { engine: openEngine({ archiveDir: dir }).engine };
  commands = await loadCommands();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = async (command: string, options: Record<string, unknown>) => answerLine(ctx, commands, JSON.stringify({ id: 1, command, options }), 1);

describe('quotes command', () => {
  it('GIVEN a surname THEN that speaker’s quotes, newest first, with date, citation and role', async () => {
    const r = await run('quotes', { speaker: 'okafor' });
    expect(r).toEqual({
      id: 1,
      ok: true,
      result: {
        speaker: 'Lena Okafor',
        quotes: [
          { article: 'ferry', date: '2022-09-20', paragraph: 2, text: 'Nobody should lose an hour a day because the bridge is shut', speaker: 'Lena Okafor', role: 'Mayor' },
          { article: 'harbour', date: '2022-09-14', paragraph: 3, text: 'The bridge is safe today, but it will not stay safe without this work', speaker: 'Lena Okafor', role: 'Mayor' },
          { article: 'harbour', date: '2022-09-14', paragraph: 3, text: 'Every week we wait costs us more.', speaker: 'Lena Okafor', role: 'Mayor' },
        ],
      },
    });
  });

  it('GIVEN a speaker and a topic THEN only the quotes about it', async () => {
    const r = await run('quotes', { speaker: 'Lena Okafor', topic: 'ferry hour' });
    expect(r.ok && (r.result as { quotes: Array<{ text: string }> }).quotes.map((q) => q.text)).toEqual(['Nobody should lose an hour a day because the bridge is shut']);
  });

  it('GIVEN an article THEN every quote of it in text order, the partial one included', async () => {
    const r = await run('quotes', { article: 'harbour' });
    const quotes = r.ok ? (r.result as { quotes: Array<{ paragraph: number; speaker: string }> }).quotes : [];
    expect(quotes.map((q) => [q.paragraph, q.speaker])).toEqual([
      [3, 'Lena Okafor'],
      [3, 'Lena Okafor'],
      [4, 'Paul Brandt'],
      [5, 'Paul Brandt'],
    ]);
  });

  it('GIVEN an unknown speaker THEN a clear error with close names', async () => {
    expect(await run('quotes', { speaker: 'Paul Brant' })).toEqual({ id: 1, ok: false, error: 'no quotes from Paul Brant; did you mean Paul Brandt?' });
  });

  it('GIVEN no option THEN the newest quotes of the archive', async () => {
    const r = await run('quotes', {});
    const quotes = r.ok ? (r.result as { quotes: Array<{ article: string }> }).quotes : [];
    expect(quotes.map((q) => q.article)).toEqual(['ferry', 'harbour', 'harbour', 'harbour', 'harbour']);
  });

  it('GIVEN a speaker filter that matches no quote in an article THEN an empty list, not an error', async () => {
    const r = await run('quotes', { article: 'ferry', speaker: 'Brandt' });
    expect(r).toEqual({ id: 1, ok: true, result: { speaker: 'Paul Brandt', quotes: [] } });
  });
});

describe('speakers command', () => {
  it('GIVEN the archive THEN the most quoted first with counts', async () => {
    const r = await run('speakers', {});
    expect(r.ok && r.result).toEqual({
      speakers: [
        { name: 'Lena Okafor', quotes: 3, articles: 2, roles: ['Mayor'] },
        { name: 'Paul Brandt', quotes: 2, articles: 1, roles: ['Engineer'] },
      ],
    });
  });
});

describe('search command with a speaker', () => {
  it('GIVEN a speaker filter THEN only passages that quote that speaker', async () => {
    const r = await run('search', { query: 'rust cables', speaker: 'Brandt' });
    const hits = r.ok ? (r.result as { hits: Array<{ article: string; paragraph: number }> }).hits : [];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.article === 'harbour' && (h.paragraph === 4 || h.paragraph === 5))).toBe(true);
  });
});

describe('speaker autocomplete', () => {
  it('GIVEN the start of a surname THEN the canonical name as the value', () => {
    expect(autocompleteChoices(ctx, 'speaker', 'bra')).toEqual([{ name: 'Paul Brandt', value: 'Paul Brandt' }]);
  });

  it('GIVEN a form of address and a surname THEN the same speaker /quotes answers', async () => {
    expect(autocompleteChoices(ctx, 'speaker', 'Mayor Okafor')).toEqual([{ name: 'Lena Okafor', value: 'Lena Okafor' }]);
    expect(await run('quotes', { speaker: 'Mayor Okafor', limit: 1 })).toMatchObject({ ok: true, result: { speaker: 'Lena Okafor' } });
  });
});

describe('quotes renderers', () => {
  const result = {
    speaker: 'Lena Okafor',
    quotes: [{ article: 'harbour', date: '2022-09-14', paragraph: 3, text: 'Every week we wait costs us more.', speaker: 'Lena Okafor', role: 'Mayor' }],
  };

  it('GIVEN quotes THEN terminal text with speaker, role, date and citation', () => {
    expect(quotesText(result)).toBe('1. “Every week we wait costs us more.”\n   — Lena Okafor (Mayor) · 2022-09-14 [harbour ¶3]');
  });

  it('GIVEN other speakers the name also fits THEN the text and every Discord page name them with their counts', () => {
    const withOthers = { ...result, others: [{ name: 'Ada Okafor', quotes: 1 }] };
    expect(quotesText(withOthers)).toContain('Also matching: Ada Okafor (1 quote)');
    for (const p of quotesPages(withOthers)) expect(p.embeds[0]?.footer?.text).toBe('Also matching: Ada Okafor (1 quote)');
  });

  it('GIVEN no quotes THEN a sentence that says so', () => {
    expect(quotesText({ speaker: 'Lena Okafor', topic: 'taxes', quotes: [] })).toBe('No quotes from Lena Okafor about “taxes”.');
  });

  it('GIVEN markdown and mentions in a quote THEN Discord pages escape them and keep Discord limits', () => {
    const noisy = { quotes: Array.from({ length: 12 }, (_, i) => ({ ...result.quotes[0]!, text: `**@everyone** ${'x'.repeat(2000)} ${i}` })) };
    const pages = quotesPages(noisy);
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      for (const f of p.embeds[0]?.fields ?? []) {
        expect(f.value.length).toBeLessThanOrEqual(1024);
        expect(f.value).not.toContain('@everyone');
      }
    }
  });

  it('GIVEN speakers THEN aligned lines with counts', () => {
    expect(speakersText({ speakers: [{ name: 'Lena Okafor', quotes: 3, articles: 2, roles: ['Mayor'] }] })).toBe(' 1. Lena Okafor  3 quotes in 2 articles  (Mayor)');
  });
});
