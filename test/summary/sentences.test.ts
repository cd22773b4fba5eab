import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/text/sentences.js';
import { quotesBalanced } from '../../src/summary/features.js';

const texts = (s: string): string[] => splitSentences(s).map((x) => x.text);

describe('splitSentences', () => {
  it.each([
    ['titles: Mr., Dr., Ms., Mrs.', 'Mr. Smith met Dr. Jones on Friday. Ms. Lee and Mrs. Park were there too.', ['Mr. Smith met Dr. Jones on Friday.', 'Ms. Lee and Mrs. Park were there too.']],
    ['U.S. before a lower-case word', 'The U.S. economy grew 3.5 percent last year. Officials were pleased.', ['The U.S. economy grew 3.5 percent last year.', 'Officials were pleased.']],
    ['U.S. before an institution', 'The U.S. Senate voted on Tuesday. The U.S. Treasury Secretary spoke later.', ['The U.S. Senate voted on Tuesday.', 'The U.S. Treasury Secretary spoke later.']],
    ['U.S. before a title and a name', 'He met U.S. President Bush in Ottawa. They talked trade.', ['He met U.S. President Bush in Ottawa.', 'They talked trade.']],
    ['U.S. modifying a name', 'A senior U.S. Immigration official spoke. The city objected.', ['A senior U.S. Immigration official spoke.', 'The city objected.']],
    ['U.S. at the end of a sentence', 'Sales rose 2% in the U.S. Sales fell in Europe.', ['Sales rose 2% in the U.S.', 'Sales fell in Europe.']],
    ['U.S. at the end before a pronoun', 'He lives in the U.S. He moved there in 1999.', ['He lives in the U.S.', 'He moved there in 1999.']],
    ['month abbreviations with a day', 'The hearing is set for Jan. 10 in Boston. It may be delayed.', ['The hearing is set for Jan. 10 in Boston.', 'It may be delayed.']],
    ['decimals and money', 'Profit rose to $1.13bn, up 3.5%. Revenue was 42.09bn.', ['Profit rose to $1.13bn, up 3.5%.', 'Revenue was 42.09bn.']],
    ['middle initials', 'The law was signed by John F. Kennedy in 1963. J.K. Rowling was not yet born.', ['The law was signed by John F. Kennedy in 1963.', 'J.K. Rowling was not yet born.']],
    ['a curly quote that ends a sentence', 'She said the policy was “absolutely shameful.” The mayor did not reply.', ['She said the policy was “absolutely shameful.”', 'The mayor did not reply.']],
    ['a straight quote that ends a sentence', 'He called it "a disgrace." The minister resigned.', ['He called it "a disgrace."', 'The minister resigned.']],
    ['a single quote that ends a sentence', "He called it 'a disgrace.' The minister resigned.", ["He called it 'a disgrace.'", 'The minister resigned.']],
    ['a stray space before the closing quote', '“In New York, dangerous criminals are released every day. ” The city disagreed.', ['“In New York, dangerous criminals are released every day. ”', 'The city disagreed.']],
    ['a question inside a quote then its speaker', '“Why now?” she asked. Nobody knew.', ['“Why now?” she asked.', 'Nobody knew.']],
    ['a quote followed by a lower-case attribution', 'It is “shameful.” he added, and left.', ['It is “shameful.” he added, and left.']],
    ['company suffixes', 'Shares of Acme Inc. rose 4%. The company said nothing.', ['Shares of Acme Inc. rose 4%.', 'The company said nothing.']],
    ['the word "no" ending a sentence', 'The board said no. Jones appealed.', ['The board said no.', 'Jones appealed.']],
    ['"No." as number', 'He lives at No. 10 Downing St. in London. Police guard it.', ['He lives at No. 10 Downing St. in London.', 'Police guard it.']],
    ['a company suffix before a new sentence', '"It is a fun movie," said an executive at Warner Bros. However, critics were less kind.', ['"It is a fun movie," said an executive at Warner Bros.', 'However, critics were less kind.']],
    ['a state abbreviation in a dateline', 'RICHMOND, Va. Feb 26 - The bank raised its dividend.', ['RICHMOND, Va. Feb 26 - The bank raised its dividend.']],
    ['U.S. before a number or a code', 'The decline in U.S. 30-year yields and in U.S. M-1 money supply surprised dealers.', ['The decline in U.S. 30-year yields and in U.S. M-1 money supply surprised dealers.']],
    ['U.S. in brackets before a name', 'They briefed the (U.S.) Treasury in advance.', ['They briefed the (U.S.) Treasury in advance.']],
    ['dotted initials inside a sentence', 'He spoke to R.J. Reynolds and Vice Adm. John Poindexter.', ['He spoke to R.J. Reynolds and Vice Adm. John Poindexter.']],
    ['a sentence starting with a brand in lower case', 'Apple sold more phones. iPhone sales doubled.', ['Apple sold more phones.', 'iPhone sales doubled.']],
    ['list items set off by dashes', 'The report said: - Rents rose. - Sales fell.', ['The report said: - Rents rose.', '- Sales fell.']],
    ['a question in quotes, then a new sentence', 'She asked: "Where will they go?" The minister did not answer.', ['She asked: "Where will they go?"', 'The minister did not answer.']],
    ['a quotation of two sentences, then its speaker', '"We know where to look. We know how to look," she said. The search goes on.', ['"We know where to look. We know how to look," she said.', 'The search goes on.']],
    ['a curly quotation of two sentences', 'He said: “Prices rose. We expect more.” Then he left.', ['He said: “Prices rose. We expect more.”', 'Then he left.']],
    ['a single-quoted quotation of two sentences', "'It was awful. I ran,' she said. Police came.", ["'It was awful. I ran,' she said.", 'Police came.']],
    ['an apostrophe inside a single quotation', "'We don't know. It's early,' he said. Talks resume today.", ["'We don't know. It's early,' he said.", 'Talks resume today.']],
    ['a quotation left open for the next paragraph', '"Prices rose. We expect more. Sales were fine.', ['"Prices rose.', 'We expect more.', 'Sales were fine.']],
  ])('GIVEN %s THEN it splits at the real boundaries only', (_name, input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('GIVEN text without sentence punctuation THEN it is one sentence', () => {
    expect(texts('markets were calm on monday and traders waited for the data')).toEqual(['markets were calm on monday and traders waited for the data']);
  });

  it('GIVEN a line break THEN it always ends a sentence', () => {
    expect(texts('Markets closed early\nTraders went home.')).toEqual(['Markets closed early', 'Traders went home.']);
  });

  it('GIVEN blank text THEN there are no sentences', () => {
    expect(splitSentences('   ')).toEqual([]);
  });

  it('GIVEN any text THEN every sentence is the slice its offsets name, in order, without overlap', () => {
    const word = fc.constantFrom('Mr.', 'Dr.', 'U.S.', 'Jan.', '10', '3.5', 'J.', 'said', 'The', 'he', '“shameful.”', '"no."', 'day.', '?', '!', ' ', '”', 'Senate', "'quote.'");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.text).toBe(s.text.trim());
          expect(s.text.length).toBeGreaterThan(0);
          expect(s.start).toBeGreaterThanOrEqual(last);
          last = s.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('GIVEN sentences with quotations of several sentences THEN no sentence opens or closes a quotation it does not hold whole', () => {
    const plain = fc.constantFrom('Prices rose.', 'We know where to look.', 'Mr. Smith left.', 'The U.S. agreed.', 'Who knows?', 'It is over!');
    const quoted = fc.tuple(fc.array(plain, { minLength: 1, maxLength: 4 }), fc.constantFrom('"', 'curly', "'", 'curly single'), fc.constantFrom(' she said.', ' he added.', ''))
      .map(([inner, mark, tail]) => {
        const body = inner.join(' ');
        const [o, c] = mark === 'curly' ? ['“', '”'] : mark === 'curly single' ? ['‘', '’'] : [mark, mark];
        return tail ? `${o}${body.replace(/[.!?]$/, ',')}${c}${tail}` : `${o}${body}${c}`;
      });
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 8 }), (pieces) => {
        const text = pieces.join(' ');
        const out = splitSentences(text);
        for (const s of out) {
          expect((s.text.match(/"/g) ?? []).length % 2).toBe(0);
          expect((s.text.match(/“/g) ?? []).length).toBe((s.text.match(/”/g) ?? []).length);
          expect(quotesBalanced(s.text)).toBe(true);
        }
        expect(out.length).toBeGreaterThanOrEqual(pieces.length);
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ["'We know where to look. We know how to look,' she said.", true],
    ['The students\' union called the fees \'deeply unfair\' on Monday.', true],
    ["He was one of the class of '83 at Westminster.", true],
    ["''We gave him a chance,'' said the coach.", true],
    ["Many spammers rent out 'bot nets to send junk mail.", true],
    ["The mayor said: 'The bridge will reopen in the spring.", false],
    ["Nobody will pay a toll,' he added after the meeting.", false],
    ['‘The river rose faster than ever.', false],
  ])('GIVEN %j THEN its single quotation marks are balanced: %s', (text, balanced) => {
    expect(quotesBalanced(text)).toBe(balanced);
  });
});
