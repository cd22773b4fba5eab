import fc from 'fast-check';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { autocompleteChoices } from '../src/commands/autocomplete.js';
import { normalizeWord } from '../src/text/tokenize.js';
import type { Article } from '../src/archive/types.js';
import type { ReplyPage } from '../src/commands/command.js';
import { ConfigError, readConfig } from '../src/config.js';
import { PAGE_TTL_MS, PageStore, pageCustomId, parsePageCustomId } from '../src/discord/pagination.js';
import { LIMITS, fitChoices, fitPage } from '../src/discord/respond.js';
import { openEngine } from '../src/open.js';
import { clip } from '../src/render/markdown.js';
import { newestFirst } from '../src/text/dates.js';
import { FAKE_TOKEN } from './fake-discord/server.js';
import { writeArchive } from './helpers.js';

describe('readConfig', () => {
  it('GIVEN a token and defaults THEN a config with the seeds archive and a cache path', () => {
    const c = readConfig({ DISCORD_TOKEN: FAKE_TOKEN, ARCHIVE_DIR: 'seeds' }, { token: true });
    expect(c).toMatchObject({ token: FAKE_TOKEN, archiveDir: 'seeds', logLevel: 'info' });
    expect(c.cachePath).toMatch(/\.index$/);
  });

  it('GIVEN several bad variables THEN one ConfigError listing every one, without the token', () => {
    const bad = 'not a token at all';
    let err: unknown;
    try {
      readConfig({ DISCORD_TOKEN: bad, DISCORD_GUILD_ID: '12', DISCORD_API_BASE: 'ftp://x', ARCHIVE_DIR: '/no/such/dir', LOG_LEVEL: 'chatty', SHARD_COUNT: '0' }, { token: true, clientId: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const message = err instanceof Error ? err.message : '';
    for (const v of ['DISCORD_TOKEN', 'DISCORD_CLIENT_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE', 'ARCHIVE_DIR', 'LOG_LEVEL', 'SHARD_COUNT']) expect(message).toContain(v);
    expect(message).not.toContain(bad);
  });

  it('GIVEN "Bot " before the token and a trailing slash on the API base THEN both are normalised', () => {
    const c = readConfig({ DISCORD_TOKEN: `Bot ${FAKE_TOKEN}`, DISCORD_API_BASE: 'http://127.0.0.1:1/api/', ARCHIVE_DIR: 'seeds' }, { token: true });
    expect(c.token).toBe(FAKE_TOKEN);
    expect(c.apiBase).toBe('http://127.0.0.1:1/api');
  });
});

describe('PageStore', () => {
  const pages: ReplyPage[] = [{ embeds: [] }, { embeds: [] }];

  it('GIVEN a stored page set THEN it is found until 15 minutes pass, then gone', () => {
    let now = 0;
    const store = new PageStore(() => now);
    const token = store.add('article', 'u1', pages);
    now = PAGE_TTL_MS - 1;
    expect(store.get(token)?.owner).toBe('u1');
    now = PAGE_TTL_MS;
    expect(store.get(token)).toBeUndefined();
  });

  it('GIVEN any custom id THEN only well-formed page ids parse, and our own round-trip', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const p = parsePageCustomId(s);
        if (p) expect(pageCustomId(p.token, p.page)).toBe(s);
      }),
    );
    const token = new PageStore().add('x', 'u', pages);
    expect(parsePageCustomId(pageCustomId(token, 1))).toEqual({ token, page: 1 });
    expect(pageCustomId(token, 9999).length).toBeLessThanOrEqual(100);
  });
});

describe('fitPage', () => {
  const text = fc.string({ maxLength: 7000 });
  const embed = fc.record(
    {
      title: text,
      description: fc.string({ maxLength: 9000 }),
      footer: fc.record({ text }),
      fields: fc.array(fc.record({ name: fc.string({ maxLength: 400 }), value: fc.string({ maxLength: 2000 }) }), { maxLength: 30 }),
    },
    { requiredKeys: [] },
  );
  it('GIVEN any page THEN every Discord limit holds', () => {
    fc.assert(
      fc.property(fc.record({ content: fc.string({ maxLength: 3000 }), embeds: fc.array(embed, { maxLength: 12 }) }), (page) => {
        const out = fitPage(page);
        expect((out.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
        expect(out.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
        let total = 0;
        for (const e of out.embeds) {
          expect((e.title ?? '').length).toBeLessThanOrEqual(LIMITS.title);
          expect((e.description ?? '').length).toBeLessThanOrEqual(LIMITS.description);
          expect((e.fields ?? []).length).toBeLessThanOrEqual(LIMITS.fields);
          total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
            expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
            expect(f.value.length).toBeGreaterThan(0);
            total += f.name.length + f.value.length;
          }
        }
        expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
      }),
      { numRuns: 200 },
    );
  });

  it('GIVEN choices THEN at most 25, names and values at most 100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: 'x'.repeat(150 + i), value: `id-${i}` }));
    const out = fitChoices([{ name: 'too long value', value: 'v'.repeat(101) }, ...many]);
    expect(out.length).toBe(25);
    for (const c of out) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('clip', () => {
  it('GIVEN a cut that would split an emoji THEN the whole emoji goes, never half of it', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
  });
});

describe('autocompleteChoices', () => {
  const dir = writeArchive();
  const { engine } = openEngine({ archiveDir: dir });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // The prepared suggester against the plain reading of its rule, article by article.
  const words = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(normalizeWord);
  const newest = (a: Article, b: Article): number => (b.date ?? '').localeCompare(a.date ?? '');
  function oracle(input: string, limit: number): string[] {
    const q = input.trim().toLowerCase();
    if (!q) return [...engine.articles].sort(newest).slice(0, limit).map((a) => a.id);
    const byId = engine.articles.filter((a) => a.id.toLowerCase().startsWith(q));
    const qWords = words(q);
    const byTitle = qWords.length
      ? engine.articles.filter((a) => !byId.includes(a) && qWords.every((w) => words(a.title).some((t) => t.startsWith(w)))).sort(newest)
      : [];
    return [...byId, ...byTitle].slice(0, limit).map((a) => a.id);
  }
  it('GIVEN any input THEN the same articles, in the same order, as the plain rule (id prefix, then title-word prefixes, newest first)', () => {
    for (const input of ['', 'h', 'harbor', 'harbor rep', '2023/', '2020/ice', 'zep', 'PELICAN club', 'nothing-matches', 'report 3']) {
      expect(engine.suggestArticles(input, 25).map((c) => c.id)).toEqual(oracle(input, 25));
    }
  });

  it('GIVEN title words THEN labels carry the date and values the id', () => {
    const choices = autocompleteChoices({ engine }, 'article', 'pelican');
    expect(choices).toEqual([{ name: 'Pelican club newsletter (2021-03-04)', value: '2021/pelican-club' }]);
  });
});

describe('newestFirst', () => {
  it('GIVEN dated and undated things THEN newest first, undated last, equal dates tied', () => {
    const items = [{ date: '2020-01-02' }, { date: null }, { date: '2021-05-01' }, { date: '2020-01-02' }];
    expect([...items].sort(newestFirst).map((i) => i.date)).toEqual(['2021-05-01', '2020-01-02', '2020-01-02', null]);
    expect(newestFirst({ date: null }, { date: null })).toBe(0);
  });
});
