import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, Hit } from '../../src/engine.js';
import askCommand from '../../commands/ask.js';
import searchCommand from '../../commands/search.js';
import { parseOptions } from '../../src/commands/options.js';
import { UserError } from '../../src/errors.js';
import { parseDateRange, parsePeriod } from '../../src/search/date-range.js';
import { buildPassages } from '../../src/search/passages.js';
import { makeSnippet, matchRanges } from '../../src/search/snippet.js';
import { terms } from '../../src/text/tokenize.js';
import { FIXTURE, engineFor, removeDir, writeArchive } from '../helpers/archive.js';

let dir: string;
let engine: Engine;
const extraDirs: string[] = [];

beforeAll(() => {
  dir = writeArchive();
  engine = engineFor(dir);
});
afterAll(() => {
  removeDir(dir);
  for (const d of extraDirs) removeDir(d);
});

const cite = (h: Hit | undefined): string => (h ? `${h.article} ¶${h.paragraph}` : 'no hit');
const highlighted = (h: { snippet: string; highlights: Array<[number, number]> } | undefined): string[] =>
  h ? h.highlights.map(([s, e]) => h.snippet.slice(s, e)) : [];

/** The UserError a call throws, so tests can pin its message and identifier. */
function userError(f: () => unknown): UserError {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
  throw new Error('expected a UserError, got none');
}

describe('Engine.search', () => {
  it('GIVEN a word of one passage THEN that passage ranks first with its citation, date and title', () => {
    const { hits } = engine.search({ query: 'Bellmont Utilities' });
    expect(hits[0]).toMatchObject({
      article: '2020/water-contract',
      paragraph: 2,
      date: '2020-03-05',
      title: 'Council approves budget after long night',
    });
    expect(hits[0]?.text).toMatch(/^The council approved the water contract/);
    expect(typeof hits[0]?.score).toBe('number');
  });

  it('GIVEN several hits THEN they come best first, at most one per paragraph', () => {
    const { hits } = engine.search({ query: 'city', limit: 25 });
    expect(hits.length).toBeGreaterThan(2);
    for (let i = 1; i < hits.length; i++) expect(hits[i - 1]?.score).toBeGreaterThanOrEqual(hits[i]?.score ?? 0);
    expect(new Set(hits.map(cite)).size).toBe(hits.length);
  });

  it('GIVEN a word in one article title and in the body of both THEN the article with it in its title ranks first', () => {
    // The ferry paragraph is shorter, so without the title it would win on BM25 alone.
    const { hits } = engine.search({ query: 'harbor' });
    expect(cite(hits[0])).toBe('2019/cafe-closing ¶3');
    const withoutTitle = writeArchive({ ...FIXTURE, '2019/cafe-closing.txt': (FIXTURE['2019/cafe-closing.txt'] ?? '').replace('title: Harbor café', 'title: Old café') });
    extraDirs.push(withoutTitle);
    const control = engineFor(withoutTitle).search({ query: 'harbor' }).hits;
    expect(cite(control[0])).toBe('2021/ferry-schedule ¶2');
  });

  // Known bug (reported): the title is indexed with every passage, so a title word makes every
  // paragraph of the article a hit, most without the word ("harbor" → café ¶1 and ¶2 too).
  it('GIVEN a word in a title THEN paragraphs without the word are not hits', () => {
    const { hits } = engine.search({ query: 'harbor', limit: 25 });
    expect(hits.map(cite).sort()).toEqual(['2019/cafe-closing ¶3', '2021/ferry-schedule ¶2']);
  });

  it('GIVEN two words THEN the passage where they stand together beats the one where they are far apart', () => {
    const { hits } = engine.search({ query: 'water contract' });
    const near = hits.findIndex((h) => cite(h) === '2020/water-contract ¶2');
    const far = hits.findIndex((h) => cite(h) === '2020/school-board ¶2');
    expect(near).toBe(0);
    expect(far).toBeGreaterThan(near);
  });

  it('GIVEN an unfinished last word THEN it is completed as a prefix', () => {
    const { hits } = engine.search({ query: 'subpoe' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.article).toBe('2020/ice-subpoenas');
    expect(highlighted(hits[0])).toEqual(['subpoenas']);
    expect(engine.search({ query: 'Riverton subpoe' }).hits[0]?.article).toBe('2020/ice-subpoenas');
  });

  it('GIVEN a complete word THEN it is not expanded as a prefix', () => {
    // "water" is a word of the archive; "waterfront" (ferry ¶1 only) must not match it.
    const { hits } = engine.search({ query: 'water', limit: 25 });
    expect(hits.map(cite)).not.toContain('2021/ferry-schedule ¶1');
    expect(engine.search({ query: 'waterfr' }).hits.map(cite)).toContain('2021/ferry-schedule ¶1');
    // A word followed by a space or punctuation is finished too.
    expect(engine.search({ query: 'subpoe ' }).hits).toEqual([]);
  });

  it('GIVEN a misspelled word before other words THEN fuzzy matching finds the right passage', () => {
    const { hits } = engine.search({ query: 'subpenas Riverton' });
    expect(cite(hits[0])).toBe('2020/ice-subpoenas ¶1');
    expect(highlighted(hits[0])).toEqual(expect.arrayContaining(['subpoenas', 'Riverton']));
    expect(engine.search({ query: 'imigration agents' }).hits[0]?.article).toBe('2020/ice-subpoenas');
  });

  it('GIVEN a long misspelled word alone THEN fuzzy matching finds it', () => {
    expect(engine.search({ query: 'Bellmnt' }).hits.map(cite)).toContain('2020/water-contract ¶2');
    expect(engine.search({ query: 'subpenas' }).hits[0]?.article).toBe('2020/ice-subpoenas');
  });

  // Known bug (reported): a misspelled suffix stems differently ("immigraton" stays whole while
  // "immigration" → "immigr"), so the edit distance between stems is too large for fuzzy matching.
  it('GIVEN "immigraton" (misspelled ending) THEN it finds the passages about immigration', () => {
    expect(engine.search({ query: 'immigraton' }).hits[0]?.article).toBe('2020/ice-subpoenas');
  });

  it('GIVEN possessives, hyphens, numbers and accents THEN the plain forms find them', () => {
    expect(engine.search({ query: 'Delgado city' }).hits[0]?.text).toContain('city’s');
    expect(engine.search({ query: 'ridehailing drivers' }).hits[0]?.article).toBe('2020/ride-hailing');
    expect(cite(engine.search({ query: '1000 drivers' }).hits[0])).toBe('2020/ride-hailing ¶2');
    expect(cite(engine.search({ query: '3.5 percent' }).hits[0])).toBe('2020/ride-hailing ¶2');
    expect(cite(engine.search({ query: 'cafe lune' }).hits[0])).toBe('2019/cafe-closing ¶1');
  });

  it('GIVEN from/to as a year, a month or a day THEN only articles in that period are hit', () => {
    const articles = (from?: string, to?: string): string[] =>
      [...new Set(engine.search({ query: 'council city water', limit: 25, ...(from ? { from } : {}), ...(to ? { to } : {}) }).hits.map((h) => h.article))].sort();
    expect(articles()).toEqual(expect.arrayContaining(['2019/cafe-closing', '2020/water-contract']));
    expect(articles('2020', '2020')).not.toContain('2019/cafe-closing');
    expect(articles('2020-03')).toEqual(['2020/school-board', '2020/water-contract']);
    expect(articles('2020-03', '2020-03')).toEqual(['2020/school-board', '2020/water-contract']);
    expect(articles('2020-03-06', '2020-03-31')).toEqual(['2020/school-board']);
    expect(articles('2020-03-05', '2020-03-05')).toEqual(['2020/water-contract']);
    expect(articles(undefined, '2019')).toEqual(['2019/cafe-closing']);
    for (const h of engine.search({ query: 'city', from: '2020-01', to: '2020-02', limit: 25 }).hits) {
      expect(h.date && h.date >= '2020-01-01' && h.date <= '2020-02-29').toBeTruthy();
    }
  });

  it('GIVEN a date range THEN undated articles are left out, and kept without one', () => {
    const d = writeArchive({ ...FIXTURE, 'undated.txt': 'The council closed the water park for the winter.' });
    extraDirs.push(d);
    const e = engineFor(d);
    expect(e.search({ query: 'water park' }).hits[0]?.article).toBe('undated');
    expect(e.search({ query: 'water park', from: '2000' }).hits.map((h) => h.article)).not.toContain('undated');
  });

  it('GIVEN an empty, blank, stop-word-only or too long query THEN it fails with a clear message', () => {
    expect(userError(() => engine.search({ query: '' })).message).toMatch(/query is empty/);
    expect(userError(() => engine.search({ query: '   ' })).identifier).toBe('empty-query');
    const stop = userError(() => engine.search({ query: 'the of and' }));
    expect(stop.identifier).toBe('stopword-query');
    expect(stop.message).toMatch(/only common words/);
    const long = userError(() => engine.search({ query: 'subpoena '.repeat(40) }));
    expect(long.identifier).toBe('long-query');
    expect(long.message).toMatch(/too long .*at most 300/);
    expect(() => engine.search({ query: 'a'.repeat(300) })).not.toThrow();
  });

  it('GIVEN an impossible or unreadable date THEN it fails naming the option and the value', () => {
    const feb30 = userError(() => engine.search({ query: 'council', from: '2020-02-30' }));
    expect(feb30.identifier).toBe('bad-date');
    expect(feb30.message).toMatch(/bad from date "2020-02-30"/);
    expect(userError(() => engine.search({ query: 'council', to: '13/45/2020' })).message).toMatch(/bad to date "13\/45\/2020"/);
    expect(userError(() => engine.search({ query: 'council', from: '2020-13' })).identifier).toBe('bad-date');
    const order = userError(() => engine.search({ query: 'council', from: '2021', to: '2020-06' }));
    expect(order.identifier).toBe('bad-date-order');
    expect(order.message).toMatch(/"from" \(2021\) is after "to" \(2020-06\)/);
  });

  it('GIVEN a limit outside 1-25 THEN the spec refuses it (the engine takes checked values); inside, it caps the hits', () => {
    for (const limit of [0, 26, -1, 2.5]) {
      const e = userError(() => parseOptions('search', searchCommand.options, { query: 'city', limit }));
      expect(e.identifier).toBe('bad-option');
      expect(e.message).toMatch(/search: option "limit" must (be from 1 to 25|be a whole number)/);
    }
    expect(engine.search({ query: 'city', limit: 1 }).hits).toHaveLength(1);
    expect(engine.search({ query: 'city' }).hits.length).toBeLessThanOrEqual(5);
  });

  it('GIVEN a word no article has THEN there are no hits, not an error', () => {
    expect(engine.search({ query: 'xylophone' }).hits).toEqual([]);
  });

  it('GIVEN a hit THEN its highlights point at the matched words in its snippet', () => {
    for (const query of ['subpoenas', 'water contract', 'city', 'ride-hailing fee', 'Khan murder']) {
      for (const h of engine.search({ query, limit: 25 }).hits) {
        for (const word of highlighted(h)) {
          const wanted = new Set(terms(query));
          // Each highlight is a whole word whose term (or one of its hyphen parts) the query asked for.
          expect(word).toBe(word.trim());
          expect(terms(word).some((t) => wanted.has(t) || [...wanted].some((w) => t.startsWith(w)))).toBe(true);
        }
      }
    }
  });
});

describe('long paragraphs', () => {
  const sentences = [
    'The council heard from residents for nearly three hours on Tuesday night.',
    'Speakers raised concerns about traffic on Mill Road, the closing of the pool and the price of parking.',
    'Several parents asked for a crossing guard near Lincoln Elementary.',
    'A retired engineer presented photographs of cracked sidewalks on Elm Street.',
    'The finance director answered questions about the reserve fund and the pension plan.',
    'Two business owners said the new bus lanes had cut foot traffic downtown.',
    'A pastor thanked the police for their work during the December storm.',
  ];
  // About 470 words: more than two windows of 220 words.
  const body = [...sentences, ...sentences, ...sentences, 'Finally a neighbor warned that a sinkhole was opening beside the library parking lot.', ...sentences, ...sentences].join(' ');
  let longDir: string;
  let e: Engine;
  beforeAll(() => {
    longDir = writeArchive({ 'council-hearing.txt': `date 2022-04-12\n\nResidents crowd council hearing\n\n${body}\n\n"We listened to every speaker," said council president Ada Moss.` });
    e = engineFor(longDir);
  });
  afterAll(() => removeDir(longDir));

  it('GIVEN a paragraph longer than a window THEN it becomes windows that all cite that paragraph', () => {
    const passages = buildPassages(e.articles);
    const para2 = passages.filter((p) => p.paragraph === 2);
    expect(para2.length).toBeGreaterThan(1);
    expect(passages.filter((p) => p.paragraph === 1)).toHaveLength(1);
    expect(passages.filter((p) => p.paragraph === 3)).toHaveLength(1);
    for (const p of para2) expect(p.end).toBeGreaterThan(p.start);
    // Windows overlap, so together they cover the paragraph.
    expect(para2[0]?.start).toBe(0);
    expect(para2[para2.length - 1]?.end).toBe(body.length);
    for (let i = 1; i < para2.length; i++) expect(para2[i]?.start).toBeLessThan(para2[i - 1]?.end ?? 0);
  });

  it('GIVEN a word deep in a long paragraph THEN the hit is a window of it that cites the paragraph', () => {
    const { hits } = e.search({ query: 'sinkhole' });
    expect(hits).toHaveLength(1);
    expect(hits[0]?.paragraph).toBe(2);
    expect(hits[0]?.text).toContain('sinkhole');
    expect(hits[0]?.text.length).toBeLessThan(body.length);
    expect(body).toContain(hits[0]?.text);
  });

  it('GIVEN a word in every window THEN the paragraph is cited once', () => {
    const { hits } = e.search({ query: 'crossing guard', limit: 25 });
    expect(hits.filter((h) => h.paragraph === 2)).toHaveLength(1);
  });

  it('GIVEN a long passage THEN the snippet is trimmed around the match with ellipses and highlights on it', () => {
    const h = e.search({ query: 'sinkhole' }).hits[0];
    if (!h) throw new Error('no hit for sinkhole');
    expect(h.snippet.length).toBeLessThan(h.text.length);
    expect(h.snippet.length).toBeLessThanOrEqual(322);
    expect(h.snippet.startsWith('…')).toBe(true);
    expect(h.snippet.endsWith('…')).toBe(true);
    expect(highlighted(h)).toEqual(['sinkhole']);
  });
});

describe('makeSnippet', () => {
  it('GIVEN a short text THEN it is kept whole with its matches highlighted', () => {
    const text = 'Khan was charged with murder on January 10.';
    const s = makeSnippet(text, new Set(['murder', 'januari']));
    expect(s.text).toBe(text);
    expect(s.highlights.map(([a, b]) => text.slice(a, b))).toEqual(['murder', 'January']);
  });

  it('GIVEN any text and any of its words THEN highlights land on words with those terms, inside the snippet', () => {
    const word = fc.constantFrom('council', 'water', 'contract', 'Khan', 'murder', 'ride-hailing', '1,000', 'café', 'the', 'city’s', '“quote”', 'U.S.', '\n');
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 150 }), fc.integer({ min: 40, max: 400 }), fc.nat(), (words, max, pick) => {
        const text = words.join(' ');
        const all = terms(text);
        const matched = new Set(all.length ? [all[pick % all.length] ?? ''] : []);
        const s = makeSnippet(text, matched, max);
        expect(s.text.length).toBeLessThanOrEqual(Math.max(max, 0) + 2);
        const body = s.text.replace(/^…/, '').replace(/…$/, '');
        expect(text).toContain(body);
        let previous = 0;
        for (const [a, b] of s.highlights) {
          expect(a).toBeGreaterThanOrEqual(previous);
          expect(b).toBeLessThanOrEqual(s.text.length);
          expect(terms(s.text.slice(a, b)).some((t) => matched.has(t))).toBe(true);
          previous = b;
        }
        if (text.length <= max) expect(s.highlights).toEqual(matchRanges(text, matched));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Engine.ask', () => {
  it('GIVEN "When was Khan charged with murder?" THEN the answer is the January 10 sentence', () => {
    const { hits } = engine.ask({ question: 'When was Khan charged with murder?' });
    expect(cite(hits[0])).toBe('2020/ice-subpoenas ¶3');
    expect(hits[0]?.answer).toBe('Khan was charged with murder on January 10 and remains in custody.');
    const h = hits[0];
    expect(h?.answerHighlights.map(([a, b]) => h.answer.slice(a, b))).toEqual(['Khan', 'charged', 'murder']);
  });

  it('GIVEN "How many drivers gathered?" THEN the answer holds the number', () => {
    const { hits } = engine.ask({ question: 'How many drivers gathered downtown?' });
    expect(cite(hits[0])).toBe('2020/ride-hailing ¶2');
    expect(hits[0]?.answer).toMatch(/1,000/);
  });

  it('GIVEN "Who owned the café?" THEN the answer names the person', () => {
    const { hits } = engine.ask({ question: 'Who owned the Café Lune?' });
    expect(hits.map((h) => h.answer)).toContainEqual(expect.stringContaining('Anna Weiss'));
  });

  it('GIVEN any question THEN every answer is one sentence taken verbatim from its passage', () => {
    for (const question of ['When was Khan charged with murder?', 'Who is the mayor?', 'What did the council approve?', 'How often do boats leave the harbor?']) {
      for (const h of engine.ask({ question, limit: 10 }).hits) {
        expect(h.text).toContain(h.answer);
        expect(h.answer.length).toBeGreaterThan(0);
      }
    }
  });

  // Known bug (reported): interface §1 says answers never offer a headline as a sentence, but
  // ask ranks the headline passage and returns the headline itself as its answer.
  it('GIVEN a question that echoes a headline THEN no answer is the headline', () => {
    const { hits } = engine.ask({ question: 'What did the council approve after a long night?', limit: 10 });
    expect(hits.map((h) => h.answer)).not.toContain('Council approves budget after long night');
    expect(cite(hits[0])).toBe('2020/water-contract ¶2');
  });

  it('GIVEN a bad question or limit THEN it fails like search does', () => {
    expect(userError(() => engine.ask({ question: '' })).message).toMatch(/question is empty/);
    expect(userError(() => engine.ask({ question: 'who was it?' })).identifier).toBe('stopword-query');
    expect(userError(() => engine.ask({ question: 'why '.repeat(80) })).identifier).toBe('long-query');
    expect(userError(() => parseOptions('ask', askCommand.options, { question: 'Khan?', limit: 26 })).message).toBe('ask: option "limit" must be from 1 to 25 (got 26)');
  });
});

describe('parsePeriod', () => {
  it('GIVEN a year, a month or a day THEN it returns the first and last day covered', () => {
    expect(parsePeriod('from', '2020')).toEqual({ first: '2020-01-01', last: '2020-12-31' });
    expect(parsePeriod('from', '2020-02')).toEqual({ first: '2020-02-01', last: '2020-02-29' });
    expect(parsePeriod('from', '2021-02')).toEqual({ first: '2021-02-01', last: '2021-02-28' });
    expect(parsePeriod('to', ' 2020-01-19 ')).toEqual({ first: '2020-01-19', last: '2020-01-19' });
  });

  it('GIVEN a "to" month THEN the range runs to its last day', () => {
    expect(parseDateRange('2020-01', '2020-02')).toEqual({ from: '2020-01-01', to: '2020-02-29' });
    expect(parseDateRange('', undefined)).toEqual({});
  });
});

describe('the seed article', () => {
  let seed: Engine;
  beforeAll(() => {
    seed = engineFor('seeds');
  });

  it('GIVEN "When was Khan charged with murder?" THEN the answer is the January 10 sentence of paragraph 8', () => {
    const top = seed.ask({ question: 'When was Khan charged with murder?' }).hits[0];
    expect(cite(top)).toBe('000_4f9b0c250ff8d600 ¶8');
    expect(top?.answer).toBe('Khan was charged with the murder on January 10 and remains in custody.');
    expect(top?.date).toBe('2020-01-19');
  });

  it('GIVEN "Denver subpoenas" THEN the two paragraphs with both words rank first', () => {
    const hits = seed.search({ query: 'Denver subpoenas' }).hits;
    expect(hits.slice(0, 2).map((h) => h.paragraph).sort((a, b) => a - b)).toEqual([5, 14]);
    for (const h of hits.slice(0, 2)) expect(h.text).toMatch(/Denver[\s\S]*subpoenas|subpoenas[\s\S]*Denver/);
  });
});
