import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/quotes/attribute.js';
import { extractWithContext, mayHoldQuote, scanMarks } from '../../src/quotes/extract.js';
import { pick, seeded } from './seeded.js';

// Pieces a paragraph is made of: every mark markAt reads, alone and doubled, apostrophes of
// possessives and contractions, letters, digits and spaces.
const PIECES = ['"', '“', '”', '„', '«', '»', '‘', '’', "'", '‘‘', '’’', "''", '‘’', 'a', 'B', 'said', ' ', ' ', '5', '.', ',', 'é', '—'];

describe('the quotation-mark pre-check', () => {
  it('GIVEN 20,000 random paragraphs THEN every one it passes over has no quoted span', () => {
    const next = seeded(1919);
    let passed = 0;
    let marked = 0;
    for (let n = 0; n < 20_000; n++) {
      let p = '';
      const len = 1 + next(14);
      for (let k = 0; k < len; k++) p += pick(next, PIECES);
      if (mayHoldQuote(p)) {
        marked++;
        continue;
      }
      passed++;
      expect(scanMarks(p), p).toEqual([]);
      expect(extractWithContext(p, 1), p).toEqual([]);
    }
    // Both sides of the test were exercised.
    expect(passed).toBeGreaterThan(1_000);
    expect(marked).toBeGreaterThan(1_000);
  });

  it('GIVEN each mark the scan reads THEN the pre-check lets its paragraph through', () => {
    for (const p of ['He said "yes" today', 'He said “yes” today', '„ja“ sagte er', '«oui» dit-il', "He said ''yes'' today", 'He said ‘‘yes’’ today', 'He said ‘’yes’’ today']) {
      expect(mayHoldQuote(p), p).toBe(true);
      expect(scanMarks(p).length, p).toBeGreaterThan(0);
    }
    expect(mayHoldQuote("The mayor's office didn't say.")).toBe(false);
  });

  it('GIVEN an article with quotes among paragraphs without marks THEN extractArticle finds them in their paragraphs', () => {
    const paragraphs = ["The council's vote was 7-2.", '"We will appeal this decision in court," said Jane Ortiz.', 'It rained.'];
    const found = extractArticle(paragraphs);
    expect(found?.map((q) => q.length)).toEqual([0, 1, 0]);
    expect(found?.[1]?.[0]?.span.text).toBe('We will appeal this decision in court');
    expect(extractArticle(["The mayor's office didn't comment.", 'No quotes here.'])).toBeNull();
  });
});
