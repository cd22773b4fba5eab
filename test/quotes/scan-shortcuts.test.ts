// The quote step's shortcuts (character loops and cheap tests standing in for regular expressions)
// must give exactly what the expressions give: the saved quotes may not change. Checked against the
// expressions themselves on random text made of the words and marks that matter.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { lastHyphenatedWord, withoutTrailingAuxiliaries } from '../../src/quotes/chars.js';
import { lastWordOf, rawQuotes } from '../../src/quotes/extract.js';
import { firstNameGender } from '../../src/quotes/first-names.js';
import { bare, foldName, foldUncached, isPronoun, PARTICLES } from '../../src/quotes/names.js';
import { AFTER_OF, AFTER_SPEECH, FOLLOWING_VERB, followingVerb, isParticleAt, mayFollowOf, mayFollowSpeech, mayFollowVerb, mayOpenSentence, SENTENCE_OPENING } from '../../src/quotes/people.js';
import { SENTENCE_BREAK, lastSentenceStart } from '../../src/quotes/phrase.js';
import { endsInSentenceMark, VerbsAround } from '../../src/quotes/quote-kind.js';
import { allVerbs, findVerb, SPEECH_VERBS, type VerbHit } from '../../src/quotes/verbs.js';

const PIECES = [
  'said', 'says', 'say', 'told', 'tells', 'according', 'to', 'points', 'point', 'pointed', 'out', 'Said', 'SAID', 'Told', 'also', 'has', 'had',
  'wanted', 'talks', 'is', 'was', 'of', 'the', 'Smith', 'McCallum', "O'Neill", 'Al-Said', 'well-known', 'e-mail', 'x', 'He', 'she', 'it', 'I',
  ',', '.', '!', '?', ':', '"', '“', '”', '’', "'", ' ', ' ', '  ', '\u00a0', '\u2009', '\n', '\t', 'é', 'naïve', 'dit', 'café', '𝐀', '1987', '-', 'A',
  '_', 'ÉTÉ', 'Ünal',
];

/** A small seeded generator, so that a failure repeats. */
function randomTexts(n: number, seed = 7): string[] {
  let s = seed;
  const next = (k: number): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return (s >>> 8) % k;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const parts: string[] = [];
    const len = next(14);
    for (let j = 0; j < len; j++) {
      parts.push(PIECES[next(PIECES.length)] ?? '');
      if (next(3) > 0) parts.push(' ');
    }
    out.push(parts.join(''));
  }
  return out;
}

/** The speech-verb scan as it was written with a regular expression (the reference). */
function verbsByExpression(text: string): VerbHit[] {
  const out: VerbHit[] = [];
  const words = /[A-Za-z][a-z]*(?:-[a-z]+)*/g;
  const sentenceStart = /(?:^|[.!?"”]\s*)\s*$/u;
  let prev = '';
  let prevStart = 0;
  for (let m = words.exec(text); m !== null; m = words.exec(text)) {
    let w = m[0];
    const at = m.index;
    const c0 = w.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90) {
      const lower = w.toLowerCase();
      if (!SPEECH_VERBS.has(lower) || !sentenceStart.test(text.slice(Math.max(0, at - 3), at))) {
        prev = '';
        continue;
      }
      w = lower;
    }
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    const glued = (before >= 65 && before <= 90) || before === 39 || before === 0x2019;
    if (!glued) {
      if (w === 'to' && prev === 'according') out.push({ word: 'according to', start: prevStart, end: at + 2 });
      else if (w === 'out' && (prev === 'points' || prev === 'point' || prev === 'pointed')) out.push({ word: `${prev} out`, start: prevStart, end: at + 3 });
      else if (SPEECH_VERBS.has(w)) out.push({ word: w, start: at, end: at + w.length });
    }
    prev = glued ? '' : w;
    prevStart = at;
  }
  return out;
}

const texts = [
  ...randomTexts(1200),
  'Smith said, “We will”, according to the filing, and Jones points out that Said ABC.',
  '"It was," said Smith. Said one analyst, "no."',
  "O'Neill's spokesman says the well-known e-mail said nothing",
];

describe('quote-step shortcuts give what the expressions give', () => {
  it('the speech-verb scan finds the same verbs at the same offsets', () => {
    for (const t of texts) expect(allVerbs(t), JSON.stringify(t)).toEqual(verbsByExpression(t));
    expect(allVerbs('He said, according to Lee, as she points out').map((v) => v.word)).toEqual(['said', 'according to', 'points out']);
  });

  it('a name is never kept from a following verb or a preceding speech verb the expressions would find', () => {
    let followers = 0;
    let speechBefore = 0;
    for (const t of texts) {
      for (let at = 0; at <= t.length; at++) {
        const verb = FOLLOWING_VERB.exec(t.slice(at, at + 200));
        if (verb) followers++;
        if (!mayFollowVerb(t, at, 200)) expect(verb, `${JSON.stringify(t)} from ${at}`).toBeNull();
        const start = Math.max(0, at - 40);
        const after = AFTER_SPEECH.exec(t.slice(start, at));
        if (after) speechBefore++;
        if (!mayFollowSpeech(t, start, at)) expect(after, `${JSON.stringify(t)} to ${at}`).toBeNull();
      }
    }
    // The random text does reach both expressions (the check above is not vacuous).
    expect(followers).toBeGreaterThan(100);
    expect(speechBefore).toBeGreaterThan(100);
  });

  it('the verb after a run, read in place on the paragraph, is the one the expression finds on the cut text', () => {
    let found = 0;
    let inPlace = 0;
    const tails = [' said.', ', a lawyer, said', ' has  said', ' says\u00a0', ' thus', ' wanted', ' also told', ', 𝐀 x, warned', ' insists'];
    for (const t of [...texts, ...texts.map((x, k) => `${x}${tails[k % tails.length] ?? ''}`)]) {
      for (let at = 0; at <= t.length; at++) {
        // 200 as the name scan reads; the shorter reaches cut most texts, so both paths are taken.
        for (const reach of [200, 12, 5]) {
          const verb = FOLLOWING_VERB.exec(t.slice(at, at + reach))?.[1];
          if (verb !== undefined) found++;
          if (at + reach >= t.length) inPlace++;
          expect(followingVerb(t, at, reach), `${JSON.stringify(t)} from ${at} within ${reach}`).toBe(verb);
        }
      }
    }
    expect(found).toBeGreaterThan(200);
    expect(inPlace).toBeGreaterThan(1000);
    expect(followingVerb('Smith, 62, said', 5, 200)).toBe('said');
    expect(followingVerb('Smith said it', 5, 3)).toBeUndefined();
    expect(followingVerb('Smith said', -5, 200)).toBe(FOLLOWING_VERB.exec('Smith said'.slice(-5, 195))?.[1]);
  });

  it('a lower-case particle read in place is one the particle list holds', () => {
    // The in-place reading covers every particle only while all are lower-case ASCII letters.
    for (const w of PARTICLES) expect(w, w).toMatch(/^[a-z]{1,5}$/u);
    let hits = 0;
    const words = [...PARTICLES, ...PARTICLES].map((w, k) => (k < PARTICLES.size ? w : `${w}s`));
    for (const t of [...texts, `x ${words.join(' ')} de, van. y`, 'dell delle vonn', 'é de']) {
      for (let from = 0; from <= t.length; from++) {
        for (let to = from; to <= Math.min(t.length, from + 7); to++) {
          const want = PARTICLES.has(t.slice(from, to));
          if (want) hits++;
          expect(isParticleAt(t, from, to), `${JSON.stringify(t)} [${from}, ${to})`).toBe(want);
        }
      }
    }
    expect(hits).toBeGreaterThan(PARTICLES.size);
  });

  it('a run is never kept from an "of (the)" before it that the expression would find', () => {
    let found = 0;
    for (const t of texts) {
      for (let at = 0; at <= t.length; at++) {
        const from = Math.max(0, at - 40);
        const before = t.slice(from, at);
        const m = AFTER_OF.exec(before);
        if (m) found++;
        // Read in place, as the name scan does, and on the cut text.
        expect(mayFollowOf(t, from, at)).toBe(mayFollowOf(before));
        if (!mayFollowOf(t, from, at)) expect(m, JSON.stringify(before)).toBeNull();
      }
    }
    expect(found).toBeGreaterThan(50);
    expect(['Bank of ', 'Chancellor of the ', 'Chancellor of\u00a0the\u2009', 'of ', ' of', 'of the'].map((s) => mayFollowOf(s))).toEqual([true, true, true, true, false, false]);
  });

  it('a run is never denied a sentence opening the expression would find before it', () => {
    let openings = 0;
    const openers = ['However, ', 'Last week ', 'In\u00a01987  ', 'On Monday, ', 'Indeed ', 'said. ', 'So: ', '“No.” ', 'xBut ', 'Last  Week,'];
    for (const t of [...texts, ...texts.map((x, k) => `${x}${openers[k % openers.length] ?? ''}`)]) {
      for (let at = 0; at <= t.length; at++) {
        const from = Math.max(0, at - 40);
        const before = t.slice(from, at);
        const opens = SENTENCE_OPENING.test(before);
        if (opens) openings++;
        expect(mayOpenSentence(t, from, at)).toBe(mayOpenSentence(before));
        if (!mayOpenSentence(t, from, at)) expect(opens, JSON.stringify(before)).toBe(false);
      }
    }
    expect(openings).toBeGreaterThan(500);
    expect(['x However, ', 'x. Last week ', 'said Smith ', 'xBut ', ''].map((s) => mayOpenSentence(s))).toEqual([true, true, false, false, true]);
  });

  it('first-name genders are the name lists\' answers, asked again or not', () => {
    const lists = createRequire(import.meta.url)('gender-detection-from-name') as { getGender: (n: string) => string };
    const expected = (w: string): 'm' | 'f' | null => {
      if (w.length <= 1) return null;
      const g = lists.getGender(w);
      return g === 'male' ? 'm' : g === 'female' ? 'f' : null;
    };
    const names = ['wendy', 'richard', 'darian', 'nova', 'smith', 'andrea', 'a', '', 'jean', 'xyzzy', 'ümit'];
    for (let round = 0; round < 2; round++) for (const w of names) expect(firstNameGender(w), w).toBe(expected(w));
    expect(firstNameGender('wendy')).toBe('f');
  });

  it('each quote keeps its own direct/partial features (rows share storage, never values)', () => {
    const p = '“We will win,” said Smith. He called it “a lean campaign that never quits” and added: “No.” “Yes,” she said.';
    const rows = Array.from({ length: 700 }, () => rawQuotes(p, 1)).flat();
    const fresh = rawQuotes(p, 1).map((q) => (q.features ? Array.from(q.features) : null));
    // The quotes differ, so their rows must too (rows that shared values would all read the last quote's).
    expect(new Set(fresh.filter((f) => f !== null).map((f) => JSON.stringify(f))).size).toBeGreaterThanOrEqual(3);
    // More rows than one shared block holds, all still equal to a fresh computation.
    rows.forEach((q, k) => expect(q.features ? Array.from(q.features) : null).toEqual(fresh[k % fresh.length]));
  });

  it('the last word before a quote is read from the end as from the whole text', () => {
    const expression = (pre: string): string => /(\p{L}+)[\s,:]*$/u.exec(pre)?.[1]?.toLowerCase() ?? '';
    for (const t of texts) {
      // Long texts too, where only the end is read first, with the word cut at every place.
      const long = `${'x'.repeat(40)}${t}${' , :'.repeat(t.length % 20)}`;
      for (let k = 0; k <= long.length; k += 5) expect(lastWordOf(long.slice(k)), JSON.stringify(long.slice(k))).toBe(expression(long.slice(k)));
    }
    expect(lastWordOf(`${'a'.repeat(60)} said:  `)).toBe('said');
    expect(lastWordOf(`${'a'.repeat(60)}${' '.repeat(60)}`)).toBe('a'.repeat(60));
  });

  it('the last sentence before a verb starts where the last sentence break matched forward ends', () => {
    const byExpression = (t: string): number => {
      let cut = 0;
      for (const m of t.matchAll(SENTENCE_BREAK)) cut = m.index + m[0].length;
      return cut;
    };
    let breaks = 0;
    const abbreviated = ['Mr. Smith said. He', 'U.S. Officials', 'It ended!” Then', 'No. 2 Jones.  “We', 'a.b. C', '?! ? A', 'Gen. Lee. Sen. Ray'];
    for (const t of [...texts, ...abbreviated, ...texts.map((x) => `${x}. ${x}`)]) {
      const cut = byExpression(t);
      if (cut > 0) breaks++;
      expect(lastSentenceStart(t), JSON.stringify(t)).toBe(cut);
      expect(t.trimEnd(), JSON.stringify(t)).toBe(t.replace(/\s+$/u, ''));
    }
    expect(breaks).toBeGreaterThan(300);
    expect(abbreviated.map(lastSentenceStart)).toEqual([16, 0, 11, 14, 5, 5, 10]);
  });

  it('words read from the end of a text are what the expressions anchored at its end match', () => {
    const hyphenated = (t: string): string => /([\p{L}-]+)[^\p{L}]*$/u.exec(t)?.[1]?.toLowerCase() ?? '';
    const auxiliaries = (t: string): string =>
      t.replace(/(?:\s+(?:has|have|had|was|were|is|are|also|later|then|again|previously|recently|once|further|quickly|simply|only|just|still|will|would|could|had|never|often|repeatedly|publicly|privately|subsequently|earlier|quoted|as|reportedly|\p{Ll}+ly))+$/u, '');
    const words = ['has', 'also', 'was', 'quoted', 'as', 'quickly', 'ly', 'Only', 'only,', 'fly', 'naïvely', 'said', 'Smith', 'hasten', 'is'];
    const mixed = randomTexts(600, 11).map((t, k) => `${t}${k % 2 ? ' ' : '\u2009'}${words[k % words.length] ?? ''} ${words[(k * 7) % words.length] ?? ''}${k % 5 === 0 ? ' ' : ''}`);
    let stripped = 0;
    for (const t of [...texts, ...mixed, '-- ,', '𝐀𝐁-', 'a — b-', ' has', 'has', '\u00a0also quickly', 'x\n\nlater']) {
      expect(lastHyphenatedWord(t), JSON.stringify(t)).toBe(hyphenated(t));
      expect(withoutTrailingAuxiliaries(t), JSON.stringify(t)).toBe(auxiliaries(t));
      if (auxiliaries(t) !== t) stripped++;
    }
    expect(stripped).toBeGreaterThan(100);
    expect(['-- ,', '𝐀𝐁-', 'well-known --', 'a, b'].map(lastHyphenatedWord)).toEqual(['--', '𝐀𝐁-', 'well-known', 'b']);
    expect(withoutTrailingAuxiliaries('Smith has also')).toBe('Smith');
    expect(withoutTrailingAuxiliaries('has')).toBe('has');
  });

  it('the verbs around a quote, scanned once, are what scans of each window find', () => {
    let near = 0;
    for (const t of texts) {
      // Every cut of the text, so that verbs and hyphenated words meet the 60th character.
      for (let k = 0; k < 70; k += 3) {
        const tail = `${'x '.repeat(k)}${t} said-so said`;
        const pre = `${t}  `;
        const v = new VerbsAround({ pre, sentencePre: pre, tail, tailStart: 0, preStart: 0 });
        expect(v.afterNear, JSON.stringify(tail)).toEqual(findVerb(tail.slice(0, 60), 'tail'));
        expect(v.after).toEqual(findVerb(tail, 'tail'));
        expect(v.before).toEqual(findVerb(pre.trimEnd().slice(-160), 'pre'));
        expect(v.tailTrim).toBe(tail.replace(/^[\s,;:—–-]+/u, ''));
        if (v.afterNear) near++;
      }
    }
    expect(near).toBeGreaterThan(1000);
  });

  it('a quote ends in sentence punctuation, read from the end, as the expression anchored at its end says', () => {
    const byExpression = (t: string): boolean => /[.!?…]["'’”)\]]*$/u.test(t);
    const ends = ['.', '!', '?', '…', '."', '.’', '?”', '.)', '!]', '.”’', '"', ')', '', '.x', '. ', '—', '𝐀.', '.\ud835', '“.”'];
    let terminal = 0;
    for (const t of [...texts, ...texts.flatMap((x, k) => [`${x}${ends[k % ends.length] ?? ''}`, `${x}${ends[(k * 5) % ends.length] ?? ''}${ends[(k * 3) % ends.length] ?? ''}`])]) {
      expect(endsInSentenceMark(t), JSON.stringify(t)).toBe(byExpression(t));
      if (byExpression(t)) terminal++;
    }
    expect(terminal).toBeGreaterThan(300);
    expect(['It ended.”', 'It ended.” ', '(no)', '?'].map(endsInSentenceMark)).toEqual([true, false, false, true]);
  });

  it('names fold as the normalising pipeline folds them, plain ASCII names too', () => {
    const fold = foldUncached;
    const words = [...texts.flatMap((t) => t.split(/\s+/u)), 'McCallum', 'DE', 'Ünal', 'O’Neill', 'ﬁne', 'Ⅻ', 'Zoë', 'x1987', 'İstanbul', ''];
    for (const w of words) expect(foldName(w), JSON.stringify(w)).toBe(fold(w));
    expect(['McCallum', 'ﬁne', 'Ⅻ'].map((w) => foldName(w))).toEqual(['mccallum', 'fine', 'xii']);
  });

  it('bare() and isPronoun() read words as before', () => {
    const keep = /[\p{L}\p{N}.]/u;
    const bareByExpression = (w: string): string => {
      if (/^[A-Za-z0-9][A-Za-z0-9.]*$/.test(w)) return w;
      const start = /^[^\p{L}\p{N}]*/u.exec(w)?.[0].length ?? 0;
      let end = w.length;
      while (end > start && !keep.test(w[end - 1] ?? '')) end--;
      return w.slice(start, end);
    };
    const pronouns = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);
    for (const t of texts) {
      for (const w of t.split(/\s+/u)) {
        expect(bare(w)).toBe(bareByExpression(w));
        expect(isPronoun(w)).toBe(pronouns.has(w.toLowerCase()));
      }
    }
    expect(['.5', 'Dr.', 'U.S.', '“He', 'THEY', 'İt'].map((w) => [bare(w), isPronoun(w)])).toEqual([
      ['5', false],
      ['Dr.', false],
      ['U.S.', false],
      ['He', false],
      ['THEY', true],
      ['İt', false],
    ]);
  });
});
