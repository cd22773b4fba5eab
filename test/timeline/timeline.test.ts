import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { chooseUnit, dayNumber, isoDay, periodIndex, periodsBetween, UNITS } from '../../src/timeline/buckets.js';
import { matchArticles } from '../../src/search/match.js';
import { timeline } from '../../src/timeline/timeline.js';
import { queryTerms } from '../../src/search/rank.js';
import { terms } from '../../src/text/tokenize.js';
import { engineFor, removeDir, writeArchive } from '../helpers/archive.js';
import { TIMELINE_FIXTURE } from './fixture.js';

let dir: string;
let engine: Engine;

beforeAll(() => {
  dir = writeArchive(TIMELINE_FIXTURE);
  engine = engineFor(dir);
});
afterAll(() => removeDir(dir));

/** What a UserError thrown by `f` says, and its identifier. */
function userError(f: () => unknown): { identifier: string; message: string } {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return { identifier: e.identifier, message: e.message };
    throw e;
  }
  throw new Error('expected a UserError');
}

const nonZero = (t: ReturnType<typeof timeline>) => t.periods.filter((p) => p.articles > 0).map((p) => [p.period, p.articles]);

describe('timeline', () => {
  it('GIVEN the fixture THEN it counts articles holding every query word per ISO week, over the archive span', () => {
    const t = timeline(engine, { query: 'harbor dredging' });
    expect(t.unit).toBe('week');
    expect([t.from, t.to]).toEqual(['2020-01-06', '2020-04-10']);
    expect(t.periods).toHaveLength(14);
    expect(t.periods[0]).toEqual({ period: '2020-W02', start: '2020-01-06', end: '2020-01-12', articles: 2 });
    expect(nonZero(t)).toEqual([
      ['2020-W02', 2],
      ['2020-W03', 1],
      ['2020-W10', 1],
    ]);
    expect(t.total.articles).toBe(4);
    expect(t.undated).toBe(1);
    expect(t.periods.reduce((n, p) => n + p.articles, 0)).toBe(t.total.articles);
  });

  it('GIVEN a peak THEN it names the period and cites its best body passage with date and paragraph', () => {
    const t = timeline(engine, { query: 'harbor dredging' });
    expect(t.peak).toMatchObject({ period: '2020-W02', start: '2020-01-06', articles: 2 });
    expect(['dredge-begins', 'dredge-cost']).toContain(t.peak.top.article);
    expect(t.peak.top.date).toMatch(/^2020-01-0[68]$/);
    // Never the headline paragraph: it is the title already.
    expect(t.peak.top.text).not.toBe('Dredging starts in the old harbor');
    expect(t.peak.top.paragraph).toBeGreaterThanOrEqual(1);
  });

  it('GIVEN an article holding only some of the words THEN it is not counted', () => {
    const t = timeline(engine, { query: 'harbor festival' });
    expect(t.total.articles).toBe(1);
    expect(nonZero(t)).toEqual([['2020-W08', 1]]);
  });

  it('GIVEN from and to THEN only that span is charted, day by day when it is short', () => {
    const t = timeline(engine, { query: 'dredging', from: '2020-01', to: '2020-01' });
    expect(t.unit).toBe('day');
    expect([t.from, t.to, t.periods.length]).toEqual(['2020-01-06', '2020-01-31', 26]);
    expect(nonZero(t)).toEqual([
      ['2020-01-06', 1],
      ['2020-01-08', 1],
      ['2020-01-15', 1],
    ]);
  });

  it('GIVEN no article matches THEN it is a clear no-matches UserError, not an empty chart', () => {
    expect(userError(() => timeline(engine, { query: 'xylophone' }))).toEqual({
      identifier: 'no-matches',
      message: 'nothing in the archive matches "xylophone"; a timeline counts articles holding every word of the query',
    });
    expect(userError(() => timeline(engine, { query: 'dredging', from: '2020-04' })).message).toMatch(/^nothing in the archive matches "dredging" from 2020-04-01 on \(1 undated article do/);
  });

  it('GIVEN bad input THEN the engine\'s UserErrors come through', () => {
    expect(userError(() => timeline(engine, { query: '  ' })).identifier).toBe('empty-query');
    expect(userError(() => timeline(engine, { query: 'the of' })).identifier).toBe('stopword-query');
    expect(userError(() => timeline(engine, { query: 'harbor', from: '2020-13' })).identifier).toBe('bad-date');
    expect(userError(() => timeline(engine, { query: 'harbor', from: '2021', to: '2020' })).identifier).toBe('bad-date-order');
  });

  it('GIVEN a speaker nobody in the archive quoted THEN it says so', () => {
    expect(userError(() => timeline(engine, { query: 'harbor', speaker: 'Zebulon Nobody' })).identifier).toBe('unknown-speaker');
  });

  it('GIVEN a speaker filter THEN only articles quoting the speaker count, with their quoting paragraphs', () => {
    const quoted = engineFor(dir);
    quoted.speakerFilter = (name) => {
      if (name !== 'Mara Quinn') throw new UserError(`unknown speaker: ${name}`, 'unknown-speaker');
      return (p) => /said Mara Quinn/.test(quoted.index.passageText(p));
    };
    const t = timeline(quoted, { query: 'harbor dredging', speaker: 'Mara Quinn' });
    expect(t.speaker).toBe('Mara Quinn');
    expect(t.total).toMatchObject({ articles: 1, quotes: 1 });
    expect(t.periods.filter((p) => p.articles > 0)).toEqual([{ period: '2020-W03', start: '2020-01-13', end: '2020-01-19', articles: 1, quotes: 1 }]);
    expect(t.periods.every((p) => p.quotes !== undefined)).toBe(true);
    // The quoting paragraph holds no query word: the citation is the article's best passage.
    expect(t.peak.top).toMatchObject({ article: 'dredge-quinn', paragraph: 1, date: '2020-01-15' });
    expect(userError(() => timeline(quoted, { query: 'harbor', speaker: 'Nobody' })).identifier).toBe('unknown-speaker');
  });
});

describe('timeline over a live archive', () => {
  it('GIVEN articles removed and added in place THEN the counts follow and removed ones never count', () => {
    const live = engineFor(dir);
    live.applyChanges({ upserts: [], removals: ['dredge-cost'], warnings: [] });
    expect(nonZero(timeline(live, { query: 'harbor dredging' }))).toEqual([
      ['2020-W02', 1],
      ['2020-W03', 1],
      ['2020-W10', 1],
    ]);
    const added = { id: 'dredge-late', title: 'Dredging resumes', date: '2020-03-04', paragraphs: ['Dredging resumes', 'Harbor dredging resumed on Wednesday.'], headline: true };
    live.applyChanges({ upserts: [added], removals: [], warnings: [] });
    const t = timeline(live, { query: 'harbor dredging' });
    expect(nonZero(t)).toEqual([
      ['2020-W02', 1],
      ['2020-W03', 1],
      ['2020-W10', 2],
    ]);
    expect(t.peak).toMatchObject({ period: '2020-W10', articles: 2 });
    expect(['dredge-late', 'channel-done']).toContain(t.peak.top.article);
  });
});

describe('matchArticles', () => {
  it('GIVEN a word found only in a front-matter title THEN the article still matches', () => {
    const ids = [...matchArticles(engine.index, queryTerms('harbor reopens'), 'all').keys()].map((a) => engine.index.articles[a]?.id);
    expect(ids).toEqual(['channel-done']);
  });

  it('GIVEN a word the archive never uses THEN nothing matches', () => {
    expect(matchArticles(engine.index, queryTerms('harbor xylophone'), 'all').size).toBe(0);
  });

  it('GIVEN any mode THEN a word the archive never uses is just left out', () => {
    const some = [...matchArticles(engine.index, queryTerms('harbor'), 'any').keys()];
    expect(some.length).toBeGreaterThan(0);
    expect([...matchArticles(engine.index, queryTerms('harbor xylophone'), 'any').keys()]).toEqual(some);
  });

  it.each(['all', 'any'] as const)('GIVEN any query in %s mode THEN it agrees with a plain scan of every article', (mode) => {
    const words = ['harbor', 'dredging', 'pier', 'north', 'ferry', 'channel', 'bread', 'council', 'boats', 'reopens'];
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), (picked) => {
        const qTerms = queryTerms(picked.join(' '));
        const expected = engine.index.articles
          .map((a, i) => ({ i, words: new Set(terms([a.title, ...a.paragraphs].join('\n\n'))) }))
          .filter((a) => (mode === 'all' ? qTerms.every((t) => a.words.has(t)) : qTerms.some((t) => a.words.has(t))))
          .map((a) => a.i);
        expect([...matchArticles(engine.index, qTerms, mode).keys()]).toEqual(expected);
      }),
    );
  });
});

describe('calendar periods', () => {
  it('GIVEN ISO weeks across a new year THEN they are labelled by the year of their Thursday', () => {
    expect(periodsBetween('week', '2020-12-28', '2021-01-11').map((p) => [p.period, p.start, p.end])).toEqual([
      ['2020-W53', '2020-12-28', '2021-01-03'],
      ['2021-W01', '2021-01-04', '2021-01-10'],
      ['2021-W02', '2021-01-11', '2021-01-17'],
    ]);
    expect(periodsBetween('week', '2018-12-31', '2018-12-31')[0]?.period).toBe('2019-W01');
  });

  it('GIVEN months THEN each ends on its own last day, leap years included', () => {
    expect(periodsBetween('month', '2020-01-15', '2020-03-01').map((p) => p.end)).toEqual(['2020-01-31', '2020-02-29', '2020-03-31']);
  });

  it('GIVEN spans of different lengths THEN the finest unit with at most 62 bars is chosen', () => {
    expect(chooseUnit('2020-03-01', '2020-04-30')).toBe('day');
    expect(chooseUnit('2020-03-01', '2020-05-02')).toBe('week');
    expect(chooseUnit('2020-01-01', '2021-02-01')).toBe('week');
    expect(chooseUnit('2020-01-01', '2024-12-31')).toBe('month');
    expect(chooseUnit('1900-01-01', '2024-12-31')).toBe('year');
  });

  it('GIVEN any day in a span THEN its period index points at the period holding it', () => {
    const day = fc.integer({ min: dayNumber('1980-01-01'), max: dayNumber('2030-12-31') });
    fc.assert(
      fc.property(day, fc.nat(3000), fc.nat(3000), fc.constantFrom(...UNITS), (start, len, at, unit) => {
        const first = isoDay(start);
        const last = isoDay(start + len);
        const date = isoDay(start + Math.min(at, len));
        const periods = periodsBetween(unit, first, last);
        const p = periods[periodIndex(unit, first, date)];
        expect(p && p.start <= date && date <= p.end).toBe(true);
        // Periods tile the calendar: each starts the day after the previous one ends.
        for (let i = 1; i < periods.length; i++) expect(dayNumber(periods[i]?.start ?? '')).toBe(dayNumber(periods[i - 1]?.end ?? '') + 1);
      }),
      { numRuns: 200 },
    );
  });
});
