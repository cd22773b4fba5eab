import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { digest, topicMatcher } from '../../src/summary/digest.js';
import { article } from './fixtures.js';

const ARTICLES = [
  article('2020/0101-fireworks', 'date 2020-01-01\nFireworks light up the harbour\n\nHalf a million people watched the New Year fireworks over the harbour, the largest crowd in a decade.\n\nPolice said the night passed without serious incidents.'),
  article('2020/0115-rates', 'date 2020-01-15\nCentral bank holds rates\n\nThe central bank kept its main interest rate at 1.5% on Wednesday, saying the economy was growing steadily.\n\n"We see no reason to move now," Governor Ana Ruiz said.'),
  article('2020/0115-ferry', 'date 2020-01-15\nFerry strike ends\n\nFerry workers ended a three-day strike on Wednesday after the operator agreed to raise wages by 4%.\n\nServices resume on Thursday morning.'),
  article('2020/0203-oil', 'date 2020-02-03\nOil prices fall on demand fears\n\nOil prices fell 3% on Monday as traders worried that the virus outbreak would cut demand for fuel in China.\n\nBrent crude ended at $54.45 a barrel.'),
  article('2020/0229-leap', 'date 2020-02-29\nLeap day babies celebrate\n\nPeople born on Feb. 29 celebrated a rare true birthday on Saturday, with parties held across the country.'),
  article('2019/1231-review', 'date 2019-12-31\nThe year in economy news\n\nThe economy grew about 2% in 2019, helped by strong consumer spending and low unemployment.'),
  article('undated', 'A short note without any date about the oil economy and ferry services in winter.'),
];

const ids = (d: ReturnType<typeof digest>): string[] => d.entries.map((e) => e.article);

describe('digest', () => {
  it('GIVEN a day THEN it lists that day, newest id first, with one verbatim sentence each and its paragraph', () => {
    const d = digest(ARTICLES, { date: '2020-01-15' });
    expect(ids(d)).toEqual(['2020/0115-rates', '2020/0115-ferry']);
    expect(d.entries[0]).toMatchObject({
      title: 'Central bank holds rates',
      date: '2020-01-15',
      summary: 'The central bank kept its main interest rate at 1.5% on Wednesday, saying the economy was growing steadily.',
      paragraph: 2,
    });
    expect(d).toMatchObject({ from: '2020-01-15', to: '2020-01-15', total: 2, page: 1, pages: 1, topic: null });
  });

  it('GIVEN a month THEN it covers the whole month newest first', () => {
    expect(ids(digest(ARTICLES, { date: '2020-02' }))).toEqual(['2020/0229-leap', '2020/0203-oil']);
  });

  it('GIVEN a year THEN it covers the whole year and nothing of the year before', () => {
    const d = digest(ARTICLES, { date: '2020' });
    expect(d.total).toBe(5);
    expect(ids(d)).not.toContain('2019/1231-review');
    expect(d.entries.map((e) => e.date)).toEqual([...d.entries.map((e) => e.date)].sort().reverse());
  });

  it('GIVEN from and to THEN both ends are inclusive, months counted whole', () => {
    expect(ids(digest(ARTICLES, { from: '2019-12-31', to: '2020-01' }))).toEqual(['2020/0115-rates', '2020/0115-ferry', '2020/0101-fireworks', '2019/1231-review']);
    expect(ids(digest(ARTICLES, { from: '2020-02-01' }))).toEqual(['2020/0229-leap', '2020/0203-oil']);
  });

  it('GIVEN no date option THEN it shows the newest day in the archive', () => {
    expect(ids(digest(ARTICLES))).toEqual(['2020/0229-leap']);
  });

  it('GIVEN undated articles THEN they are never listed', () => {
    expect(ids(digest(ARTICLES, { from: '1900', topic: 'oil' }))).toEqual(['2020/0203-oil']);
  });

  it('GIVEN a topic THEN only articles about it are listed, matching word forms', () => {
    expect(ids(digest(ARTICLES, { date: '2020', topic: 'economy' }))).toEqual(['2020/0115-rates']);
    expect(ids(digest(ARTICLES, { date: '2020', topic: 'oil price' }))).toEqual(['2020/0203-oil']);
    expect(digest(ARTICLES, { date: '2020', topic: 'volcano' }).total).toBe(0);
  });

  it('GIVEN an injected topic matcher THEN it decides instead of the default', () => {
    const d = digest(ARTICLES, { date: '2020', topic: 'anything', matches: (a) => a.id.endsWith('ferry') });
    expect(ids(d)).toEqual(['2020/0115-ferry']);
  });

  it('GIVEN more articles than the limit THEN pages split the list in order', () => {
    const p1 = digest(ARTICLES, { date: '2020', limit: 2 });
    const p3 = digest(ARTICLES, { date: '2020', limit: 2, page: 3 });
    expect(p1).toMatchObject({ total: 5, pages: 3, page: 1 });
    expect(ids(p1)).toEqual(['2020/0229-leap', '2020/0203-oil']);
    expect(ids(p3)).toEqual(['2020/0101-fireworks']);
    expect(() => digest(ARTICLES, { date: '2020', limit: 2, page: 4 })).toThrow(/page 4 is past the last page \(3\)/);
  });

  it('GIVEN a headline paragraph THEN the one-sentence summary is never the headline', () => {
    for (const e of digest(ARTICLES, { from: '2019', limit: 25 }).entries) expect(e.summary).not.toBe(e.title);
  });

  it.each([
    [{ date: '2020-02-30' }, /2020-02-30/],
    [{ date: '2020-13' }, /2020-13/],
    [{ date: 'yesterday' }, /yesterday/],
    [{ from: '2020-03', to: '2020-01' }, /is after/],
    [{ date: '2020', from: '2019' }, /either date, or from\/to/],
    [{ limit: 0 }, /limit must be a whole number from 1 to 25/],
    [{ limit: 26 }, /limit must be a whole number from 1 to 25/],
    [{ limit: 'abc' }, /limit/],
    [{ page: -1 }, /page must be a whole number/],
    [{ topic: 'the of and' }, /no words to look for/],
  ])('GIVEN bad options %j THEN a UserError explains', (options, message) => {
    expect(() => digest(ARTICLES, options)).toThrow(UserError);
    expect(() => digest(ARTICLES, options)).toThrow(message);
  });

  it('GIVEN an archive with no dated articles THEN the digest is empty, not an error', () => {
    expect(digest([ARTICLES[6] ?? ARTICLES[0]!].slice(0, 1))).toMatchObject({ total: 0, entries: [], pages: 1 });
  });
});

describe('topicMatcher', () => {
  it('GIVEN "economy" THEN it matches "economic" and "economies" but not "ecology"', () => {
    const m = topicMatcher('economy');
    const a = (text: string): Parameters<typeof m>[0] => article('x', `date 2020-01-01\n${text}`);
    expect(m(a('Economic growth slowed.'), 'economy')).toBe(true);
    expect(m(a('Several economies slowed.'), 'economy')).toBe(true);
    expect(m(a('Ecology matters.'), 'economy')).toBe(false);
  });

  it('GIVEN "oil" THEN "oils" matches but the longer word "oilseeds" does not', () => {
    const m = topicMatcher('oil');
    const a = (text: string): Parameters<typeof m>[0] => article('x', `date 2020-01-01\n${text}`);
    expect(m(a('Vegetable oils rose.'), 'oil')).toBe(true);
    expect(m(a('Oilseeds rose.'), 'oil')).toBe(false);
  });

  it('GIVEN the topic only in a late paragraph THEN the article is not about it', () => {
    const m = topicMatcher('oil');
    const late = article('late', 'date 2020-01-01\nBank profits rise\n\nThe bank made more money.\n\nIts loans grew.\n\nIt lent to an oil firm too.');
    const early = article('early', 'date 2020-01-01\nBank profits rise\n\nThe bank made more money from oil firms.\n\nIts loans grew.');
    expect(m(late, 'oil')).toBe(false);
    expect(m(early, 'oil')).toBe(true);
  });
});
