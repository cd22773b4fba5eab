import { describe, expect, it } from 'vitest';
import { attributeArticle } from '../../src/quotes/attribute.js';
import { CONTEXT, contextOf, extractParagraph, extractQuotes, scanMarks, sentenceStarts } from '../../src/quotes/extract.js';

describe('extractQuotes', () => {
  it('GIVEN curly and straight quotes THEN both are found, without their marks', () => {
    const qs = extractQuotes(['“We will appeal,” the lawyer said.', '"It is over," she said.']);
    expect(qs.map((q) => [q.paragraph, q.text, q.kind])).toEqual([
      [1, 'We will appeal', 'direct'],
      [2, 'It is over', 'direct'],
    ]);
  });

  it('GIVEN a quote that runs across paragraphs THEN each paragraph gives its own direct quote', () => {
    const qs = extractQuotes(['“The first part of what I said goes on', '“and the second part ends here,” the mayor said.']);
    expect(qs).toHaveLength(2);
    expect(qs[0]).toMatchObject({ paragraph: 1, unclosed: true, kind: 'direct', text: 'The first part of what I said goes on' });
    expect(qs[1]).toMatchObject({ paragraph: 2, unclosed: false, text: 'and the second part ends here' });
  });

  it('GIVEN a stray closing mark after a space ("day. ”") THEN it closes the open quote and adds nothing', () => {
    const qs = extractQuotes(['“Dangerous criminals are released every day. ” The city disagreed.']);
    expect(qs.map((q) => q.text)).toEqual(['Dangerous criminals are released every day.']);
  });

  it('GIVEN a closing mark with no opening mark THEN no quote is made of it', () => {
    expect(extractQuotes(['The vote passed. ” Nothing else happened.'])).toEqual([]);
  });

  it('GIVEN single quotes inside double quotes THEN they stay part of the quote', () => {
    const [q] = extractQuotes(['“He told me, ‘Go home,’ and I did,” she said.']);
    expect(q?.text).toBe('He told me, ‘Go home,’ and I did');
  });

  it('GIVEN scare quotes and a title THEN they are fragments', () => {
    const qs = extractQuotes(['The so-called “immigration summons” were sent.', 'The mayor accused them of using “fear tactics” and lies.', 'She appeared on “Face the Nation” on Sunday.']);
    expect(qs.map((q) => q.kind)).toEqual(['fragment', 'fragment', 'fragment']);
  });

  it('GIVEN words quoted inside a reporting sentence THEN a partial quote', () => {
    const [q] = extractQuotes(['Goldmeyer said in an email that “the attempt to exploit this tragedy is shameful.”']);
    expect(q?.kind).toBe('partial');
  });

  it('GIVEN a quote right after a speech verb that the sentence runs on from THEN still direct', () => {
    const [q] = extractQuotes(['Catherine retorted, “I’m a good swimmer” and then dropped the mic.']);
    expect(q).toMatchObject({ text: 'I’m a good swimmer', kind: 'direct' });
  });

  it('GIVEN two chants joined by "and" THEN both are direct', () => {
    const qs = extractQuotes(['He heard students shout, “Build that wall!” and “Go back home!” Some made gestures.']);
    expect(qs.map((q) => q.kind)).toEqual(['direct', 'direct']);
  });

  it('GIVEN a lost opening mark after an attribution THEN the quote resumes with the next sentence', () => {
    const qs = extractQuotes(['"It was always about the title," Jones said. It was never about the opponent. I want my belt back."']);
    expect(qs.map((q) => q.text)).toEqual(['It was always about the title', 'It was never about the opponent. I want my belt back.']);
  });

  it("GIVEN a sentence opening with doubled apostrophes (''We …'') THEN a new sentence starts there and the quote is direct", () => {
    const p = "The city bought the course in 2011 for $3.3 million. ''We wanted to control the real estate,'' the city manager said.";
    expect(sentenceStarts(p)).toEqual([0, p.indexOf("''We")]);
    expect(extractQuotes([p])).toMatchObject([{ text: 'We wanted to control the real estate', kind: 'direct' }]);
  });

  it('GIVEN an apostrophe-heavy sentence without double marks THEN no quotes', () => {
    expect(extractQuotes(["It's the workers' union's view that they'd won 5'10\" of ground."])).toEqual([]);
  });
});

describe('scanMarks', () => {
  it('GIVEN a quote that never closes THEN it runs to the end of the paragraph', () => {
    const p = '“This never ends and goes on';
    expect(scanMarks(p)).toEqual([{ open: 0, close: p.length, width: 1, unclosed: true }]);
  });

  it('GIVEN straight marks that open each sentence of one speech ("A. "B. "C.") THEN every sentence run is a quote, none is narration', () => {
    const p = '"The harvest came early. "Nadia Orr picked the pears before the frost. "Next year we plant apples." The farm closed at dusk.';
    const texts = scanMarks(p).map((s) => p.slice(s.open + s.width, s.close).trim());
    expect(texts).toEqual(['The harvest came early.', 'Nadia Orr picked the pears before the frost.', 'Next year we plant apples.']);
  });

  it('GIVEN a closing straight mark after a sentence end that a lower-case word or a space follows THEN it only closes', () => {
    for (const p of ['"The harvest came early. " said the farmer, and "nothing more."', '"The harvest came early. "and then it rained.']) {
      expect(scanMarks(p)[0]).toEqual({ open: 0, close: p.indexOf('. "') + 2, width: 1, unclosed: false });
    }
    expect(scanMarks('"The harvest came early. "and then it rained.')).toHaveLength(1);
  });

  it('GIVEN 100,000 straight marks that each open a sentence of one speech THEN one span per mark after the first, in order (linear)', () => {
    const p = '"Go. '.repeat(100_000);
    const spans = scanMarks(p);
    expect(spans).toHaveLength(100_000);
    expect(spans.every((s, i) => i === 0 || s.open === spans[i - 1]!.close)).toBe(true);
  });

  it('GIVEN thousands of marks THEN at most one span per two marks, in order', () => {
    const p = '“a” '.repeat(3000) + '"'.repeat(3001) + '”'.repeat(500);
    const spans = scanMarks(p);
    expect(spans.length).toBeLessThanOrEqual((3000 * 2 + 3001 + 500) / 2 + 1);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.open).toBeGreaterThan(spans[i - 1]!.open);
  });
});

describe('contextOf', () => {
  it('GIVEN a paragraph of thousands of quotes THEN every context is bounded, so the work is linear', () => {
    const p = '“One more thing,” he said, and then “another thing.” '.repeat(2000);
    const spans = scanMarks(p);
    const starts = sentenceStarts(p);
    expect(spans).toHaveLength(4000);
    for (let k = 0; k < spans.length; k++) {
      const c = contextOf(p, starts, spans, k);
      expect(c.pre.length).toBeLessThanOrEqual(CONTEXT);
      expect(c.tail.length).toBeLessThanOrEqual(CONTEXT);
    }
  });
});

describe('attributeArticle on bad input', () => {
  const sizes = [20_000, 80_000];

  it('GIVEN a whole article inside one unclosed quote THEN one quote per paragraph and no crash', () => {
    const paragraphs = ['“This begins a quote that is never closed.', 'It goes on here.', 'And here, said nobody.'];
    const qs = attributeArticle(paragraphs);
    expect(qs).toHaveLength(1);
    expect(qs[0]?.unclosed).toBe(true);
  });

  it('GIVEN a 1 MB paragraph of quotes and names THEN it finishes and finds a quote per pair of marks', () => {
    const unit = '“We will keep going,” said ANNA NOWAK. Mr. Li Wei said “the plan is sound.” ';
    const p = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const qs = attributeArticle([p]);
    expect(qs.length).toBe(2 * Math.ceil(1_000_000 / unit.length));
    expect(qs[0]?.speaker).toBe('Anna Nowak');
  });

  it('GIVEN 1 MB of marks, dots and apostrophes THEN it finishes', () => {
    for (const unit of ['"', '“', '.', "'", '’s', '. ” ', '……']) {
      const p = `Start ${unit.repeat(Math.ceil(250_000 / unit.length))} end.`;
      expect(() => attributeArticle([p, p])).not.toThrow();
    }
  });

  it('GIVEN long capitalised words before "they said" and "the report said" quotes THEN it finishes (no match starts inside a word)', () => {
    // Before names could only start at a word's start, each capital of such a word was a new start to
    // backtrack from: this input took about 25 s (past the test timeout), a 20,000-letter word did not finish in 200 s.
    const word = `Q${'W'.repeat(1_400)}`;
    const paragraphs = Array.from({ length: 500 }, (_, k) => `${word} “We will not give up on point ${k},” they said. “The finding ${k} stands as it was written,” the report said.`);
    const qs = attributeArticle(['Ann Lee and Tom Fox met.', ...paragraphs]);
    expect(qs).toHaveLength(1000);
  });

  it('GIVEN inputs of growing size THEN the quotes found grow in proportion (linear)', () => {
    const unit = 'Officials met on Tuesday. “It is not a request,” Henry Ludero told reporters. He added: “We will act.” ';
    const counts = sizes.map((n) => attributeArticle([unit.repeat(Math.ceil(n / unit.length))]).length);
    expect(counts[1]! / counts[0]!).toBeCloseTo(4, 1);
  });

  it('GIVEN non-Latin names THEN they are kept as written', () => {
    const qs = attributeArticle(['“Мы не отступим,” сказал Иван Петров.', '“We will rebuild,” said 李伟.']);
    expect(qs.map((q) => q.text)).toEqual(['Мы не отступим', 'We will rebuild']);
    expect(qs[1]?.speaker).toBe('李伟');
  });
});

describe('extractParagraph', () => {
  it('GIVEN a quote with only marks and spaces THEN nothing', () => {
    expect(extractParagraph('“  ” and "" here', 1)).toEqual([]);
  });
});

describe('extractQuotes (properties)', () => {
  it('GIVEN any text THEN every quote is the text at its offsets, inside its marks, and kinds are known', async () => {
    const fc = await import('fast-check');
    const piece = fc.constantFrom('“', '”', '"', '‘', '’', "'", ' ', '. ', ', ', 'said', 'Anna Li', 'he told', 'We will', ':', '\u00a0', 'é', '李');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), { maxLength: 4 }), (paragraphs) => {
        for (const q of extractQuotes(paragraphs)) {
          const p = paragraphs[q.paragraph - 1] ?? '';
          expect(p.slice(q.start, q.end)).toBe(q.text);
          expect(q.open).toBeLessThan(q.start);
          expect(q.end).toBeLessThanOrEqual(q.close);
          expect(['direct', 'partial', 'fragment']).toContain(q.kind);
        }
        expect(() => attributeArticle(paragraphs)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });
});
