import { describe, expect, it } from 'vitest';
import { reindexText } from '../../src/render/live.js';
import { parsePeriod } from '../../src/search/date-range.js';
import { count } from '../../src/text/plural.js';

describe('count', () => {
  it.each([
    [0, 'article', '0 articles'],
    [1, 'article', '1 article'],
    [2, 'article', '2 articles'],
    [1234, 'passage', '1,234 passages'],
  ])('GIVEN %i %s THEN %j', (n, word, text) => {
    expect(count(n, word)).toBe(text);
  });
  it('GIVEN an irregular plural THEN it is used', () => {
    expect(count(2, 'entry', 'entries')).toBe('2 entries');
    expect(count(1, 'entry', 'entries')).toBe('1 entry');
  });
});

describe('messages people read', () => {
  it('GIVEN a bad `date` option THEN the message says "bad date", not "bad date date"', () => {
    expect(() => parsePeriod('date', '2020-13')).toThrow(/^bad date "2020-13": use YYYY-MM-DD/);
    expect(() => parsePeriod('from', '2020-13')).toThrow(/^bad from date "2020-13"/);
  });

  it('GIVEN a reindex of one article THEN the counts are singular where they are one', () => {
    expect(reindexText({ articles: 1, passages: 1, added: 1, changed: 0, removed: 0, warnings: 1, ms: 120 })).toBe(
      'Reindexed: 1 article, 1 passage; 1 added, 0 changed, 0 removed; 1 warning; 0.1 s',
    );
    expect(reindexText({ articles: 2, passages: 5, added: 0, changed: 0, removed: 0, warnings: 0, ms: 1000 })).toBe(
      'Reindexed: 2 articles, 5 passages; 0 added, 0 changed, 0 removed; 0 warnings; 1.0 s',
    );
  });
});
