// The main-clause test's character pre-checks (a comma, a speech word after it) skip its two
// expressions only where they cannot match: what they answer must be what the expressions answer,
// or the saved speakers would change. Checked against the expressions on random sentences made of
// the words and marks the expressions read, and on each word they need.
import { describe, expect, it } from 'vitest';
import { NAME_THEN_COMMA, REPORTED_BY, nameThenComma, reportedBy } from '../../src/quotes/attribute.js';

const PIECES = [
  'said', 'says', 'told', 'added', 'adds', 'add', 'according', 'to', 'Said', 'SAID', 'Added', 'which', 'who', 'as', 'when', 'the', 'minister',
  'Smith', 'John', 'McCallum', "O'Neill", 'de', 'Ünal', 'Dr.', 'U.S.', 'he', 'she', 'X', ',', ',', ',', '.', '!', '?', ';', ':', ' ', '  ', '\u00a0', '\n',
  'saidly', 'toldo', 'sayso', 'accordingly', 'é', '𝐀', '1987',
];

/** A small seeded generator, so that a failure repeats. */
function randomSentences(n: number, seed = 11): string[] {
  let s = seed;
  const next = (k: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const len = 1 + next(12);
    for (let j = 0; j < len; j++) {
      parts.push(PIECES[next(PIECES.length)] ?? '');
      if (next(4) > 0) parts.push(' ');
    }
    out.push(parts.join(''));
  }
  return out;
}

const sentences = randomSentences(40_000);

describe('the main-clause pre-checks', () => {
  it('reportedBy answers as REPORTED_BY, for each of its words', () => {
    let matched = 0;
    for (const t of sentences) {
      const want = REPORTED_BY.test(t);
      expect(reportedBy(t), JSON.stringify(t)).toBe(want);
      if (want) matched++;
    }
    expect(matched).toBeGreaterThan(1_000);
    // Each word the pre-check looks for, alone after the comma (a check that forgot one fails here).
    const each = [
      'Growth will slow, finance minister Ronnie de Mel said',
      'Growth will slow, the ministry says',
      'Growth will slow, an aide told reporters',
      'Growth will slow, the bank added',
      'Growth will slow, the bank adds',
      'Growth will slow, said Smith',
      'Growth will slow, according to Smith',
    ];
    for (const t of each) {
      expect(REPORTED_BY.test(t), t).toBe(true);
      expect(reportedBy(t), t).toBe(true);
    }
    // The word before the only comma, a capital, no comma: no report.
    expect(['Smith said growth will slow, then stop', 'Growth will slow, the bank Said', 'Growth will slow said Smith'].map(reportedBy)).toEqual([false, false, false]);
  });

  it('nameThenComma gives NAME_THEN_COMMA’s match', () => {
    let matched = 0;
    for (const t of sentences) {
      const want = NAME_THEN_COMMA.exec(t);
      const got = nameThenComma(t);
      expect(got ? [...got] : null, JSON.stringify(t)).toEqual(want ? [...want] : null);
      if (want) matched++;
    }
    expect(matched).toBeGreaterThan(100);
    expect([...(nameThenComma('Peter Misselbrook, executive partner of Tods Murray said') ?? [])]).toEqual([
      'Peter Misselbrook, executive partner of Tods Murray said',
      ' executive partner of Tods Murray said',
      '',
    ]);
    expect(nameThenComma('Peter Misselbrook said')).toBeNull();
  });
});
