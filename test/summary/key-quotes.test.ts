import { describe, expect, it } from 'vitest';
import { pickKeyQuotes } from '../../src/summary/key-quotes.js';

const QUOTES = [
  { text: 'fear tactics', speaker: 'Bill de Blasio', paragraph: 12, kind: 'partial' as const },
  { text: 'This is not a request – it is a request', speaker: 'Henry Lucero', paragraph: 2, kind: 'direct' as const },
  { text: 'This is a last resort for us. In New York, dangerous criminals are released every day.', speaker: 'Henry Lucero', paragraph: 2, kind: 'direct' as const },
  { text: 'New York City will not change the guidelines that have made us the safest city in America', speaker: 'Freddi Goldstein', paragraph: 4, kind: 'direct' as const },
  { text: 'Nobody knows what happens next, and that is the problem', speaker: null, paragraph: 5, kind: 'direct' as const },
];

describe('pickKeyQuotes', () => {
  it('GIVEN quotes from several speakers THEN two attributed statements by different people, best first', () => {
    const k = pickKeyQuotes(QUOTES, 2);
    expect(k).toHaveLength(2);
    expect(new Set(k.map((q) => q.speaker)).size).toBe(2);
    expect(k.every((q) => q.speaker !== null)).toBe(true);
    expect(k.map((q) => q.text)).not.toContain('fear tactics');
  });

  it('GIVEN one speaker only THEN both quotes may be theirs', () => {
    const one = QUOTES.filter((q) => q.speaker === 'Henry Lucero');
    expect(pickKeyQuotes(one, 2)).toHaveLength(2);
  });

  it('GIVEN no quotes THEN none', () => {
    expect(pickKeyQuotes([], 2)).toEqual([]);
  });
});
