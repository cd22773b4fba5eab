import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { isStopWord, normalizeWord, terms, termOf, tokenize } from '../../src/text/tokenize.js';
import { isValidIsoDate } from '../../src/text/dates.js';

/** True when every term of `query` is among the terms of `text`: what the index needs to match. */
const finds = (text: string, query: string): boolean => {
  const have = new Set(terms(text));
  const want = terms(query);
  return want.length > 0 && want.every((t) => have.has(t));
};

describe('tokenize', () => {
  it('GIVEN curly and straight possessives THEN both find the plain word', () => {
    expect(finds('The city’s plan takes money from drivers.', 'city')).toBe(true);
    expect(finds("The city's plan takes money from drivers.", 'city')).toBe(true);
    expect(finds('The city plan', 'city’s')).toBe(true);
    expect(tokenize('city’s').map((t) => t.norm)).toEqual(['city']);
  });

  it('GIVEN a hyphenated word THEN each part and the joined form are searchable', () => {
    const text = 'About 1,000 ride-hailing drivers gathered downtown.';
    expect(finds(text, 'ride')).toBe(true);
    expect(finds(text, 'hailing')).toBe(true);
    expect(finds(text, 'ridehailing')).toBe(true);
    expect(finds(text, 'ride-hailing')).toBe(true);
    const ride = tokenize(text).filter((t) => t.norm.startsWith('ride') || t.norm === 'hailing');
    expect(ride.map((t) => text.slice(t.start, t.end))).toEqual(['ride', 'hailing', 'ride-hailing']);
  });

  it('GIVEN numbers with thousands separators and decimals THEN they are single tokens', () => {
    const text = 'About 1,000 drivers protested a 3.5 percent fee.';
    expect(tokenize(text).map((t) => t.norm)).toEqual(['about', '1000', 'drivers', 'protested', 'a', '3.5', 'percent', 'fee']);
    expect(finds(text, '1000')).toBe(true);
    expect(finds(text, '1,000')).toBe(true);
    expect(finds(text, '3.5')).toBe(true);
    expect(finds(text, '35')).toBe(false);
  });

  it('GIVEN accented words THEN the plain spelling finds them and the other way round', () => {
    expect(finds('The Café Lune closed on Sunday.', 'cafe')).toBe(true);
    expect(finds('The cafe closed on Sunday.', 'Café')).toBe(true);
    expect(normalizeWord('Fuertas’')).toBe('fuertas');
    expect(normalizeWord('São')).toBe('sao');
  });

  it('GIVEN a dotted acronym THEN it is one token kept as an acronym even if it spells a stop word', () => {
    const [us] = tokenize('U.S.');
    expect(us).toMatchObject({ norm: 'us', start: 0, end: 4, acronym: true });
    expect(us && termOf(us)).toBe('us');
    expect(finds('A senior U.S. immigration official spoke.', 'U.S.')).toBe(true);
    // "it" is a stop word; "I.T." is a department.
    expect(isStopWord('it')).toBe(true);
    expect(terms('The I.T. department')).toContain('it');
  });

  it('GIVEN stop words THEN they give no index terms', () => {
    expect(terms('the of and to it was said')).toEqual([]);
    expect(terms('The mayor said the city would review the subpoenas')).toEqual(['mayor', 'citi', 'review', 'subpoena']);
  });

  it('GIVEN any text THEN token offsets slice back to a word of the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(0);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(t.end).toBeGreaterThan(t.start);
          expect(text.slice(t.start, t.end).trim()).toBe(text.slice(t.start, t.end));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitSentences', () => {
  const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

  it('GIVEN titles like Mr. and Dr. THEN the sentence does not end there', () => {
    expect(texts('Mr. Khan was charged on Monday. He remains in custody.')).toEqual(['Mr. Khan was charged on Monday.', 'He remains in custody.']);
    expect(texts('Owner Dr. Anna Weiss said rents had risen. She closed the café.')).toEqual([
      'Owner Dr. Anna Weiss said rents had risen.',
      'She closed the café.',
    ]);
  });

  it('GIVEN U.S. before a name THEN it stays in the sentence; before a sentence starter it ends one', () => {
    expect(texts('The U.S. Senate voted on Tuesday. Officials agreed.')).toEqual(['The U.S. Senate voted on Tuesday.', 'Officials agreed.']);
    expect(texts('A senior U.S. Immigration official spoke. The city objected.')).toEqual([
      'A senior U.S. Immigration official spoke.',
      'The city objected.',
    ]);
    expect(texts('He moved to the U.S. The next year he left.')).toEqual(['He moved to the U.S.', 'The next year he left.']);
  });

  it('GIVEN a short month name, decimals and initials THEN the sentence goes on', () => {
    expect(texts('Khan was charged on Jan. 10 in Queens. He remains in custody.')).toEqual([
      'Khan was charged on Jan. 10 in Queens.',
      'He remains in custody.',
    ]);
    expect(texts('Prices rose 3.5 percent on Monday. Rents fell.')).toEqual(['Prices rose 3.5 percent on Monday.', 'Rents fell.']);
    expect(texts('The case was heard by J. R. Smith in the morning. The jury returned at noon.')).toEqual([
      'The case was heard by J. R. Smith in the morning.',
      'The jury returned at noon.',
    ]);
  });

  it('GIVEN a closing quote after the full stop THEN the quote ends the sentence', () => {
    expect(texts('Goldstein said the attempt “is absolutely shameful.” De Blasio agreed.')).toEqual([
      'Goldstein said the attempt “is absolutely shameful.”',
      'De Blasio agreed.',
    ]);
    expect(texts('"We tried everything," she said. "Nothing worked."')).toEqual(['"We tried everything," she said.', '"Nothing worked."']);
  });

  it('GIVEN a stray space before the closing quote THEN the quote stays with its sentence', () => {
    expect(texts('“Dangerous criminals are released every day. ” Lucero said more.')).toEqual([
      '“Dangerous criminals are released every day. ”',
      'Lucero said more.',
    ]);
    // A quotation of two sentences stays whole (issue 12).
    expect(texts('“This is a last resort. In New York, criminals are released every day. ”')).toEqual([
      '“This is a last resort. In New York, criminals are released every day. ”',
    ]);
  });

  it('GIVEN blank text THEN there are no sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n ')).toEqual([]);
  });

  it('GIVEN runs of spaces between words THEN offsets still point at the text (sbd collapses them)', () => {
    const t = 'Dr.  Anna Weiss spoke.   Then  she  left.';
    const ss = splitSentences(t);
    expect(ss.map((s) => s.text)).toEqual(['Dr.  Anna Weiss spoke.', 'Then  she  left.']);
    for (const s of ss) expect(t.slice(s.start, s.end)).toBe(s.text);
  });

  it('GIVEN a web address THEN no character is lost (sbd drops the dot it splits at)', () => {
    const t = 'The form is at http://x.com/a.b today. The vote is in March.';
    const joined = splitSentences(t).map((s) => s.text).join(' ');
    expect(joined.replace(/\s+/g, '')).toBe(t.replace(/\s+/g, ''));
  });

  it('GIVEN any text THEN sentences are slices of it at their offsets, in order, covering every non-space character', () => {
    const words = fc.constantFrom('Mr.', 'Dr.', 'U.S.', 'Jan.', '10', '3.5', 'J.', 'R.', 'Smith', 'said', 'the', 'city.', 'day.', '”', '“', '"', 'Yes!', 'Why?', 'The', 'He', 'e.g.', 'example.com/a.b', '\n', '  ', '\t');
    const text = fc.oneof(
      fc.array(words, { maxLength: 40 }).map((ws) => ws.join(' ')),
      fc.array(words, { maxLength: 40 }).map((ws) => ws.join('')),
      fc.string({ maxLength: 120 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        let previousEnd = 0;
        const ss = splitSentences(t);
        for (const s of ss) {
          expect(t.slice(s.start, s.end)).toBe(s.text);
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.text).toBe(s.text.trim());
          expect(s.start).toBeGreaterThanOrEqual(previousEnd);
          previousEnd = s.end;
        }
        expect(ss.map((s) => s.text).join('').replace(/\s+/g, '')).toBe(t.replace(/\s+/g, ''));
      }),
      { numRuns: 500 },
    );
  });
});

describe('isValidIsoDate', () => {
  it('GIVEN real and impossible days THEN only real ones pass', () => {
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2020-01-19')).toBe(true);
    expect(isValidIsoDate('2020-02-30')).toBe(false);
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2020-13-01')).toBe(false);
    expect(isValidIsoDate('13/45/2020')).toBe(false);
    expect(isValidIsoDate('2020-1-9')).toBe(false);
  });
});
