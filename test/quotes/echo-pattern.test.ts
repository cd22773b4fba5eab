import { describe, expect, it } from 'vitest';
import { echoesIndefinite } from '../../src/quotes/turn-features.js';
import { definiteHead } from '../../src/quotes/description.js';
import { rng } from '../../bench/queries.js';

// The per-head expression echoesIndefinite used before one shared expression took its place for
// ASCII heads: the shared one must answer as it did on every text.
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function reference(description: string, narration: string): boolean {
  const head = definiteHead(description);
  if (!head) return false;
  const h = escapeRe(head);
  const re = new RegExp(String.raw`(?:^|[^\p{L}])(?:(?:a|an|one|another)\s+(?:[\p{L}.'’-]+\s+){0,4}?${h}|one\s+of\s+(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,3}?${h}s)(?![\p{L}])`, 'iu');
  return re.test(narration.slice(-3000));
}


const HEADS = ['official', 'banker', 'analyst', 'dealer', 'spokesman', 'co-founder', 'diplomat', 'économiste'];
// Words and marks around the heads: articles in any case, plurals, glued letters and the characters
// that fold to ASCII letters under /iu (KELVIN SIGN, LONG S) or a NUL inside the narration.
const PIECES = ['a', 'A', 'an', 'AN', 'one', 'One', 'another', 'of', 'the', 'The', 'senior', 'U.S.', "O'Neill", 'x', 's', '\u212A', '\u017F', '\0', '-', ',', '.', '\n', '  ', ' ', 'é', 'ß', '“', '”'];

describe('echoesIndefinite with one expression for every ASCII head', () => {
  it('GIVEN random narrations and heads THEN the same answer as the per-head expression', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const r = rng(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
      const head = pick(HEADS);
      const parts: string[] = [];
      const n = 1 + Math.floor(r() * 24);
      for (let i = 0; i < n; i++) {
        const u = r();
        const w = u < 0.25 ? head : u < 0.35 ? `${head}s` : u < 0.4 ? head.toUpperCase() : u < 0.45 ? head.replace(/k/g, '\u212A').replace(/s/g, '\u017F') : pick(PIECES);
        parts.push(w, r() < 0.8 ? ' ' : '');
      }
      const narration = parts.join('');
      const description = `the ${head}`;
      expect(echoesIndefinite(description, narration), `seed ${seed}: ${JSON.stringify(narration)}`).toBe(reference(description, narration));
    }
  });

  it('GIVEN the echo at the narration start, after a letter or past 3,000 characters THEN as before', () => {
    expect(echoesIndefinite('the official', 'a senior official said so')).toBe(true);
    expect(echoesIndefinite('the official', 'xa senior official said so')).toBe(false);
    expect(echoesIndefinite('the official', `one of the OFFICIALS said${' pad'.repeat(740)}`)).toBe(true);
    expect(echoesIndefinite('the official', `one of the officials said${' pad'.repeat(750)}`)).toBe(false);
    expect(echoesIndefinite('the official', 'a senior officialdom said')).toBe(false);
  });
});
