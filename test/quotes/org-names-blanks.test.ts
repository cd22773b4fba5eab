import { describe, expect, it } from 'vitest';
import { organisationNames } from '../../src/quotes/org-reference.js';

// organisationNames passes over capitalised runs with no blank in them before splitting them (a name
// has two words or more). What counts as a blank there must be what separates a name's words: every
// white space `\s` matches under /u, not the space alone.
const BLANKS = ['\t', '\u00a0', '\u1680', '\u2000', '\u2007', '\u200a', '\u2028', '\u202f', '\u205f', '\u3000', '\ufeff'];

describe('organisationNames and runs of one word', () => {
  it('GIVEN a name whose words any kind of blank separates THEN the name is found', () => {
    for (const b of BLANKS) {
      const shown = organisationNames([`Shares in Dunmore${b}Mills${b}Ltd rose on Tuesday.`]).map((n) => n.words.join(' '));
      expect(shown, JSON.stringify(b)).toEqual(['Dunmore Mills Ltd']);
    }
  });

  it('GIVEN thousands of one-word capitalised runs around a name THEN only the name, and the same as alone', () => {
    const single = Array.from({ length: 5000 }, (_, k) => `Word${k % 7 === 0 ? 'Co' : ''}.`).join(' ');
    const alone = organisationNames(['The Harbour Board met.']);
    const crowded = organisationNames([`${single} The Harbour Board met. ${single}`]);
    expect(crowded).toEqual(alone);
    expect(crowded.map((n) => n.words.join(' '))).toEqual(['Harbour Board']);
  });
});
