import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { candidatesOf } from '../../src/summary/features.js';
import { MAX_SENTENCE_WORDS, parseSentenceCount, summarize } from '../../src/summary/summarize.js';
import { article, COUNCIL, QUAKE } from './fixtures.js';

const texts = (a: Parameters<typeof summarize>[0], sentences?: number | string): string[] =>
  summarize(a, sentences === undefined ? {} : { sentences }).sentences.map((s) => s.text);

describe('summarize', () => {
  it('GIVEN a news article THEN it returns 3 verbatim sentences in article order, the lead first', () => {
    const s = summarize(COUNCIL);
    expect(s.sentences).toHaveLength(3);
    const body = COUNCIL.paragraphs.join(' ');
    for (const x of s.sentences) expect(body).toContain(x.text);
    const indexes = s.sentences.map((x) => x.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
    expect(s.sentences[0]?.text).toMatch(/^The Springfield city council on Wednesday approved/);
  });

  it('GIVEN an article with a headline paragraph THEN the headline is never one of the sentences', () => {
    expect(COUNCIL.headline).toBe(true);
    for (let n = 1; n <= 10; n++) expect(texts(COUNCIL, n)).not.toContain(COUNCIL.paragraphs[0]);
  });

  it('GIVEN a dateline, a byline, a caption and a question THEN none of them is chosen', () => {
    const all = texts(COUNCIL, 10);
    expect(all.length).toBeGreaterThan(3);
    expect(all.join(' ')).not.toMatch(/SPRINGFIELD, March 4|By Jane Doe|^Photo:|end of neighborhood libraries\?/m);
    for (const t of all) expect(t).not.toMatch(/\?$|^Photo|^By |^SPRINGFIELD/);
  });

  it('GIVEN two sentences that say the same thing THEN only one of them is in the summary', () => {
    const s = texts(QUAKE, 4);
    const both = s.filter((t) => /hundreds of homes/.test(t));
    expect(both).toHaveLength(1);
  });

  it('GIVEN citations THEN each sentence names its 1-based paragraph', () => {
    for (const x of summarize(QUAKE, { sentences: 5 }).sentences) {
      expect(QUAKE.paragraphs[x.paragraph - 1]).toContain(x.text);
    }
  });

  it('GIVEN an attributed quote THEN a five-sentence summary carries it', () => {
    const s = texts(COUNCIL, 5).join(' ');
    expect(s).toMatch(/"We cannot spend money we do not have/);
  });

  it('GIVEN a sentence opening on an unresolved "He" THEN one that names its subject is preferred', () => {
    const a = article(
      'pier',
      'date 2021-06-01\nThe old pier at Kells will be rebuilt with money from the regional fund, the harbour board said on Tuesday.\n\nHe said the work on the pier would start in the spring and take two years.\n\nBoard chairman Liam Walsh said the work on the pier would start in the spring and take two years.\n\nFishing boats will use the north quay until the rebuilt pier opens.',
    );
    const s = texts(a, 2);
    expect(s).toContain('Board chairman Liam Walsh said the work on the pier would start in the spring and take two years.');
    expect(s).not.toContain('He said the work on the pier would start in the spring and take two years.');
  });

  it('GIVEN an article of one sentence THEN that sentence is the summary', () => {
    const a = article('one', 'date 2020-01-01\nThe river rose two metres overnight and flooded the market square.');
    expect(texts(a, 3)).toEqual(['The river rose two metres overnight and flooded the market square.']);
  });

  it('GIVEN only a headline THEN the summary is that line, as the article has nothing else', () => {
    const a = article('headline-only', 'date 2020-01-01\nFloods close the market square');
    expect(a.headline).toBe(false);
    expect(texts(a)).toEqual(['Floods close the market square']);
  });

  it('GIVEN text without sentence punctuation THEN the summary is its paragraphs, never empty', () => {
    const a = article('nopunct', 'date 2020-01-01\nfloods close the market square\n\ntraders move their stalls to the church hall for the week\n\nthe council promises repairs by friday');
    const s = texts(a);
    expect(s.length).toBeGreaterThan(0);
    for (const t of s) expect(a.paragraphs).toContain(t);
  });

  it('GIVEN 50,000 words without punctuation THEN one cut sentence is returned, marked truncated, quickly', () => {
    const words = Array.from({ length: 50_000 }, (_, i) => ['river', 'flood', 'market', 'council', 'repair'][i % 5] ?? 'x');
    const a = article('huge', `date 2020-01-01\n${words.join(' ')}`);
    const t0 = performance.now();
    const s = summarize(a);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(s.sentences).toHaveLength(1);
    expect(s.sentences[0]?.truncated).toBe(true);
    expect(s.sentences[0]?.text.split(' ').length).toBeLessThanOrEqual(MAX_SENTENCE_WORDS + 1);
    expect(s.sentences[0]?.text.endsWith('…')).toBe(true);
  });

  it('GIVEN 50,000 words of ordinary sentences THEN it returns 10 distinct sentences in order', () => {
    const para = (i: number): string => `The council met for the ${i}th time on flood repairs. Engineers reported on bridge number ${i} and the river wall. Residents asked about costs for street ${i}.`;
    const a = article('long', `date 2020-01-01\n${Array.from({ length: 1700 }, (_, i) => para(i)).join('\n\n')}`);
    const s = summarize(a, { sentences: 10 }).sentences;
    expect(s).toHaveLength(10);
    expect(new Set(s.map((x) => x.text)).size).toBe(10);
    expect(s.map((x) => x.index)).toEqual([...s.map((x) => x.index)].sort((x, y) => x - y));
  });

  it('GIVEN the same sentence repeated THEN it appears once', () => {
    const a = article('dup', 'date 2020-01-01\nThe bridge reopened on Monday after repairs.\n\nThe bridge reopened on Monday after repairs.\n\nTraffic returned to normal by the evening rush hour.');
    expect(texts(a, 3)).toEqual(['The bridge reopened on Monday after repairs.', 'Traffic returned to normal by the evening rush hour.']);
  });

  it.each([0, 11, -1, 'abc', 2.5, '3x'])('GIVEN sentences=%j THEN it throws a UserError naming the range', (bad) => {
    expect(() => summarize(QUAKE, { sentences: bad })).toThrow(UserError);
    expect(() => summarize(QUAKE, { sentences: bad })).toThrow(/sentences must be a whole number from 1 to 10/);
  });

  it('GIVEN sentences as a string of digits THEN it is accepted', () => {
    expect(texts(QUAKE, '2')).toHaveLength(2);
  });

  it('GIVEN word count THEN it counts body words, not the headline', () => {
    const s = summarize(COUNCIL);
    const headlineWords = (COUNCIL.paragraphs[0] ?? '').split(' ').length;
    const bodyWords = COUNCIL.paragraphs.slice(1).join(' ').split(/\s+/).length;
    expect(s.words).toBeGreaterThan(bodyWords * 0.9);
    expect(s.words).toBeLessThan(bodyWords + headlineWords);
  });
});

describe('summarize (properties)', () => {
  const sentence = fc.constantFrom(
    'The council approved the budget on Tuesday.',
    'Mr. Hale said the U.S. grant of $1.5m would help.',
    '"It is shameful," said Maria Chen.',
    'He disagreed.',
    'Why now?',
    'By Jane Doe',
    'SPRINGFIELD, March 4 (AP) -',
    'Photo: the council chamber.',
    'prices rose',
    'Flood defences cost 3.5 million pounds, officials said.',
    '',
  );
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(' ').trim() || 'Traffic was light.');
  const raw = fc.tuple(fc.boolean(), fc.array(paragraph, { minLength: 1, maxLength: 8 })).map(([headline, ps]) =>
    `date 2020-01-01\n${headline ? 'Council budget approved\n\n' : ''}${ps.join('\n\n')}`,
  );

  it('GIVEN any article and any valid count THEN: not empty, at most that many, verbatim, in order, distinct, never the headline', () => {
    fc.assert(
      fc.property(raw, fc.integer({ min: 1, max: 10 }), (text, n) => {
        const a = article('prop', text);
        const s = summarize(a, { sentences: n }).sentences;
        expect(s.length).toBeGreaterThan(0);
        expect(s.length).toBeLessThanOrEqual(n);
        for (const x of s) {
          expect(a.paragraphs[x.paragraph - 1]).toContain(x.text);
          if (a.headline) expect(x.paragraph).toBeGreaterThan(1);
        }
        const idx = s.map((x) => x.index);
        expect(idx).toEqual([...new Set(idx)].sort((p, q) => p - q));
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseSentenceCount', () => {
  it('GIVEN nothing THEN the default is 3', () => {
    expect(parseSentenceCount(undefined)).toBe(3);
  });
  it('GIVEN 1 and 10 THEN both ends of the range are accepted', () => {
    expect(parseSentenceCount(1)).toBe(1);
    expect(parseSentenceCount('10')).toBe(10);
  });
});

describe('candidatesOf', () => {
  it('GIVEN the council article THEN datelines, bylines, captions and questions are flagged', () => {
    const flaws = new Map(candidatesOf(COUNCIL).map((c) => [c.text, c.flaw]));
    expect(flaws.get('SPRINGFIELD, March 4 (AP) -')).toBe('dateline');
    expect(flaws.get('By Jane Doe')).toBe('byline');
    expect(flaws.get('Photo: Residents hold signs outside City Hall on Wednesday.')).toBe('caption');
    expect(flaws.get('Is this the end of neighborhood libraries?')).toBe('question');
    expect(flaws.get('"It is shameful."')).toBe('fragment');
  });

  it('GIVEN web-page furniture THEN it is flagged, not summarised', () => {
    const a = article('web', 'date 2014-01-01\nStorm closes schools\n\nPUBLISHED: 12:01 EST, 1 January 2014 | UPDATED: 14:20 EST, 1 January 2014\n\nScroll down for video.\n\nA storm closed every school in the county on Wednesday, officials said.');
    expect(candidatesOf(a).map((c) => c.flaw)).toEqual(['caption', 'caption', null]);
    expect(texts(a, 1)).toEqual(['A storm closed every school in the county on Wednesday, officials said.']);
  });
});
