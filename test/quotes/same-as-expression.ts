// A hand-written reading of a regular expression must answer as the expression does: on strings
// joined from pieces that meet the expression's edges, and on short strings over a small alphabet.
import fc from 'fast-check';
import { expect } from 'vitest';

export interface Inputs {
  /** Pieces joined at random (at most `maxPieces`): words of the expression in several cases, marks, blanks, other scripts. */
  pieces: readonly string[];
  maxPieces: number;
  /** Characters of short random strings (at most `maxLength`). */
  alphabet: string;
  maxLength: number;
  runs: number;
  seed: number;
}

export function expectSameAsExpression(read: (s: string) => boolean, re: RegExp, inputs: Inputs): void {
  const same = (s: string): void => {
    expect(read(s), JSON.stringify(s)).toBe(re.test(s));
  };
  fc.assert(fc.property(fc.array(fc.constantFrom(...inputs.pieces), { maxLength: inputs.maxPieces }), (parts) => same(parts.join(''))), { numRuns: inputs.runs, seed: inputs.seed });
  fc.assert(fc.property(fc.string({ unit: fc.constantFrom(...inputs.alphabet.split('')), maxLength: inputs.maxLength }), same), { numRuns: inputs.runs, seed: inputs.seed + 1 });
}
