// Gives each quote of an article its speaker and role, in order of evidence: a speech verb next to
// the quote, the speaker of the same or previous paragraph, pronouns to the latest fitting person,
// short names to the full name used in the article.

import { CONTEXT, extractWithContext, type QuoteContext, type QuoteSpan } from './extract.js';
import { bare, isNonNameStarter, isPronoun } from './names.js';
import { People, paragraphBases, type Person } from './people.js';
import { isOrgPhrase, readMention, subjectAfter, subjectBefore, type Mention, type Phrase } from './phrase.js';
import { allVerbs, findVerb } from './verbs.js';

export interface AttributedQuote extends QuoteSpan {
  /** The full canonical name within the article, a group ("City officials in Denver"), or null. */
  speaker: string | null;
  role: string | null;
}

interface Speaker {
  name: string;
  role: string | null;
  person: Person | null;
}

interface Found {
  span: QuoteSpan;
  ctx: QuoteContext;
  /** Global offset of the opening mark. */
  pos: number;
  speaker: Speaker | null;
  explicit: boolean;
}

const MAX_GAP_WORDS = 12;
const wordCount = (s: string): number => s.match(/\S+/g)?.length ?? 0;

/** The speaker phrase of the attribution after a quote (`,” X said` / `,” said X`). */
function tailPhrase(tail: string): { phrase: Phrase; offset: number } | null {
  const lead = /^[\s,;:—–-]*/u.exec(tail)?.[0].length ?? 0;
  const t = tail.slice(lead);
  const v = findVerb(t, 'tail');
  if (!v) return null;
  const before = t.slice(0, v.start);
  if (/^\s*(?:\p{Ll}+ly\s+|then\s+|later\s+|also\s+)*$/u.test(before)) {
    if (TOLD.has(v.word)) return null;
    const phrase = subjectAfter(t.slice(v.end).replace(/^\s+(?:out|to)\b/u, ''));
    return phrase ? { phrase, offset: lead + v.end } : null;
  }
  if (wordCount(before) > 16) return null;
  const phrase = subjectBefore(before);
  if (!phrase) return null;
  // The phrase must be the start of the tail: `,” the minister told reporters`, not `,” and then after a pause the minister said`.
  const first = phrase.words[0] ?? '';
  const at = before.indexOf(first);
  if (wordCount(before.slice(0, Math.max(0, at))) > 3) return null;
  return { phrase, offset: lead + Math.max(0, at) };
}

/** The speaker phrase of an attribution before a quote (`X said: “`, `X said that “`, `according to X, “`). */
function prePhrase(pre: string): { phrase: Phrase; offset: number } | null {
  const verbs = allVerbs(pre);
  for (let k = verbs.length - 1; k >= 0 && k >= verbs.length - 3; k--) {
    const v = verbs[k];
    if (!v) continue;
    const gap = pre.slice(v.end);
    if (k === verbs.length - 1 && wordCount(gap) > MAX_GAP_WORDS) return null;
    const after = subjectAfter(gap.replace(/^\s+(?:out|to)\b/u, ''));
    // "told the BBC News website:" names who heard it, not who spoke.
    if (after && !TOLD.has(v.word) && (v.word === 'according to' || /^[\s\p{Lu}]/u.test(gap.replace(/^\s+(?:out|to)\b/u, '').trimStart().slice(0, 1)) || /^\s*(?:the|a|an)\s/iu.test(gap))) {
      const rest = gap.slice(gap.indexOf(after.words[after.words.length - 1] ?? '') + (after.words[after.words.length - 1]?.length ?? 0));
      // "says Kim: “…" — but not "said the subpoenas “…", where the phrase is the object.
      if ((v.word === 'according to' && /^[\s,:]*$/u.test(rest)) || /^\s*[,:—–]\s*$/u.test(rest)) return { phrase: after, offset: v.end };
    }
    const before = pre.slice(Math.max(0, v.start - CONTEXT), v.start);
    // "He voiced his anger on Twitter, writing “…”": a participle after a comma shares the
    // subject of its sentence.
    if (/ing$/u.test(v.word) && /,\s*$/u.test(before)) continue;
    const phrase = subjectBefore(before);
    if (phrase) return { phrase, offset: Math.max(0, v.start - 1) };
    // "… said they would not comply and said the subpoenas “…”": the subject of the earlier verb.
    if (!/(?:^|\s)(?:and|but|or)\s*$/u.test(before.replace(/(?:\s+\p{Ll}+ly)+\s*$/u, ''))) return null;
  }
  return null;
}

const PLURAL_PRONOUNS = new Set(['they']);
/** How far back (in characters) "the company" may look for the organisation it means. */
const ORG_REACH = 800;
/** Verbs whose following noun phrase is the listener. */
const TOLD = new Set(['told', 'tell', 'tells', 'telling', 'informed', 'asked', 'asks', 'reminded', 'warned', 'urged', 'assured']);
/** The subject that opens a sentence: a pronoun or a capitalised name, after a connective. */
const SENTENCE_SUBJECT = /^\s*(?:(?:But|And|However|Meanwhile|Still|Then|So|Later|Earlier|Instead),?\s+)?(he|she|they|it|we|He|She|They|It|We|\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|van|von|der|da|di|la|le|al|bin))*)(?=[\s,])/u;
const NON_PERSON_HEADS = new Set(
  `company government agency department ministry office police city town union board council court team group statement report release
  memo letter study survey website post tweet petition sign campaign party province state county organization organisation association
  committee commission administration firm school university hospital club league network newspaper paper station service staff
  family crowd audience public media press chain industry sector market bank store restaurant show series book film movie article`.split(/\s+/),
);
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Attributes every quote of an article. Fragments (scare quotes, titles) are returned with a null speaker. */
export function attributeArticle(paragraphs: readonly string[]): AttributedQuote[] {
  const bases = paragraphBases(paragraphs);
  const byParagraph: Found[][] = [];
  const quotedRanges: [number, number][] = [];
  paragraphs.forEach((p, i) => {
    const found: Found[] = [];
    for (const { span, ctx } of extractWithContext(p, i + 1)) {
      found.push({ span, ctx, pos: (bases[i] ?? 0) + span.open, speaker: null, explicit: false });
      if (span.kind !== 'fragment') quotedRanges.push([(bases[i] ?? 0) + span.open, (bases[i] ?? 0) + span.close]);
    }
    byParagraph.push(found);
  });
  if (quotedRanges.length === 0) return [];

  const quoted = makeRangeTest(quotedRanges);
  // Names after the last quote cannot be antecedents; don't read them.
  let lastQuoted = 0;
  byParagraph.forEach((f, i) => {
    if (f.some((x) => x.span.kind !== 'fragment')) lastQuoted = i;
  });
  const people = new People(paragraphs.slice(0, lastQuoted + 1), bases, quoted);
  let lastGroup: Speaker | null = null;
  let lastSpeaker: { speaker: Speaker; paragraph: number } | null = null;

  const resolve = (m: Mention, pos: number): Speaker | null => {
    if (m.kind === 'pronoun') {
      if (m.pronoun === 'he' || m.pronoun === 'she') {
        const p = people.latestBefore(pos, m.pronoun === 'he' ? 'm' : 'f');
        if (!p) return null;
        p.gender ??= m.pronoun === 'he' ? 'm' : 'f';
        return { name: p.name, role: p.role, person: p };
      }
      if (PLURAL_PRONOUNS.has(m.pronoun) || m.pronoun === 'it') return lastGroup;
      return null;
    }
    if (m.kind === 'name') {
      const isGroupOfPeople = m.name.includes('and');
      if (isGroupOfPeople) {
        const s = { name: m.name.join(' '), role: m.role, person: null };
        lastGroup = s;
        return s;
      }
      const p = people.personFor(m.name, pos);
      p.evidence++;
      if (m.role && !p.role) p.role = m.role;
      people.mention(p, pos);
      return { name: p.name, role: m.role ?? p.role, person: p };
    }
    const text = m.text.replace(/^(The|A|An|His|Her|Their|Its)\s/u, (w) => w.toLowerCase());
    // "the company said" after "Google declined to say…": the organisation named just before.
    if (/^(?:the|its)\s+(?:[\p{Ll}-]+\s+)?(?:company|firm|agency|utility|ministry|department|government|organization|organisation|group|bank|carrier|airline|retailer|automaker|insurer|club|team|union|party|regulator|council|board|network|broadcaster|newspaper|band|charity|hospital|university|school|court|police)$/u.test(text)) {
      const org = people.orgBefore(pos, ORG_REACH);
      if (org) {
        const s = { name: org, role: null, person: null };
        lastGroup = s;
        return s;
      }
    }
    // "the mayor", "the laid-back Cambridge resident", "the lanky, bespectacled professor": a
    // singular description of a person is someone the article has named; "a spokesperson",
    // "officials" and "the company" are speakers in their own right.
    const headPhrase = text.split(/\s(?:of|for|at|with|from|in)\s/u)[0] ?? text;
    const headNoun = (/([\p{L}-]+)$/u.exec(headPhrase)?.[1] ?? '').toLowerCase();
    if (!/^(?:a|an|one|some|several|many|another|other)\s/iu.test(text) && !NON_PERSON_HEADS.has(headNoun) && !/[^s]s$/u.test(headNoun) && !isOrgPhrase(headPhrase.split(' '))) {
      // A role the article gave someone ("Mayor Doug McCallum" … "the mayor"), else the most salient person.
      const p =
        people.latestBefore(pos, null, (q) => q.role !== null && new RegExp(`\\b${escapeRe(headNoun.slice(0, 5))}`, 'iu').test(q.role)) ??
        people.latestBefore(pos, null);
      if (p) return { name: p.name, role: m.role ?? p.role, person: p };
    }
    const s = { name: text, role: m.role, person: null };
    lastGroup = s;
    return s;
  };

  const fromIntro = (intro: { phrase: Phrase; at: number } | null): Speaker | null => {
    const m = intro ? readMention(intro.phrase) : null;
    return m && intro ? resolve(m, intro.at) : null;
  };

  const attributeExplicit = (f: Found, i: number): void => {
    const base = bases[i] ?? 0;
    const tail = f.span.kind === 'fragment' ? null : tailPhrase(f.ctx.tail);
    let hit: { phrase: Phrase; offset: number; at: number } | null = tail ? { ...tail, at: base + f.ctx.tailStart + tail.offset } : null;
    if (!hit && f.span.kind !== 'fragment') {
      const pre = prePhrase(f.ctx.pre);
      if (pre) hit = { ...pre, at: base + f.ctx.preStart + pre.offset };
    }
    if (!hit && f.span.kind !== 'fragment' && /,\s*\p{Ll}+ing[\s,:]*$/u.test(f.ctx.pre)) {
      const sentenceStart = f.span.open - f.ctx.sentencePre.length;
      const subject = SENTENCE_SUBJECT.exec(f.ctx.sentencePre);
      if (subject?.[1] && (isPronoun(subject[1]) || !isNonNameStarter(subject[1]))) hit = { phrase: { words: subject[1].split(/\s+/u), appositive: null }, offset: 0, at: base + sentenceStart + subject[0].length - subject[1].length };
    }
    if (!hit && f.span.kind === 'direct' && /:\s*$/u.test(f.ctx.pre)) {
      // "Martell, the addictions doctor, is more blunt: “…”": the subject of the introducing clause.
      const p = people.subjectIn(base + f.ctx.preStart, base + f.span.open);
      if (p) {
        f.speaker = { name: p.name, role: p.role, person: p };
        f.explicit = true;
        return;
      }
    }
    if (!hit) return;
    const m = readMention(hit.phrase);
    if (!m) return;
    f.speaker = resolve(m, hit.at);
    f.explicit = f.speaker !== null;
  };

  const out: AttributedQuote[] = [];
  byParagraph.forEach((found, i) => {
    const speech = found.filter((f) => f.span.kind !== 'fragment');
    for (const f of speech) attributeExplicit(f, i);
    if (speech.length > 0) {
      // Quotes without their own attribution take the nearest earlier speaker of the paragraph,
      // then an introduction in the same paragraph, then the next attributed quote of the
      // paragraph, then the previous paragraph's. The next attributed quote after each one is
      // found in one backward pass, so that a paragraph of thousands of quotes stays linear.
      const nextExplicit: Array<Speaker | null> = new Array<Speaker | null>(speech.length).fill(null);
      for (let k = speech.length - 2; k >= 0; k--) {
        const n = speech[k + 1];
        nextExplicit[k] = n?.explicit && n.speaker ? n.speaker : (nextExplicit[k + 1] ?? null);
      }
      const prevHasQuotes = (byParagraph[i - 1] ?? []).some((x) => x.span.kind !== 'fragment');
      let earlier: Speaker | null = null;
      speech.forEach((f, k) => {
        if (f.speaker) {
          earlier = f.speaker;
          return;
        }
        f.speaker = earlier ?? findSpeaker(f, k);
        if (f.speaker) earlier = f.speaker;
      });
      function findSpeaker(f: Found, k: number): Speaker | null {
        const direct = f.span.kind === 'direct';
        if (direct) {
          const s = fromIntro(introSpeaker(paragraphs[i] ?? '', f.span.open, bases[i] ?? 0));
          if (s) return s;
        }
        const later = nextExplicit[k];
        if (later) return later;
        if (!direct || i === 0) return null;
        const prev = paragraphs[i - 1] ?? '';
        const prevBase = bases[i - 1] ?? 0;
        if (!prevHasQuotes) {
          // A narrative paragraph just before that reports someone's words ("Fraser says the
          // system is designed for that.") or is about someone introduces the quote.
          const s = fromIntro(introSpeaker(prev, prev.length, prevBase));
          if (s) return s;
          const p = people.subjectIn(prevBase, prevBase + prev.length);
          if (p) return { name: p.name, role: p.role, person: p };
        }
        // Otherwise the last speaker goes on.
        if (lastSpeaker && i - lastSpeaker.paragraph <= 2) return lastSpeaker.speaker;
        return prevHasQuotes ? fromIntro(introSpeaker(prev, prev.length, prevBase)) : null;
      }
      const last = [...speech].reverse().find((f) => f.speaker);
      if (last?.speaker) lastSpeaker = { speaker: last.speaker, paragraph: i };
    }
    for (const f of found) {
      out.push({ ...f.span, speaker: f.speaker?.name ?? null, role: f.speaker ? (f.speaker.role ?? null) : null });
    }
  });
  return out;
}

/** The subject of the last speech verb in `p` before `at`, outside quotes ("Lonechild said she is hopeful."). */
function introSpeaker(p: string, at: number, base: number): { phrase: Phrase; at: number } | null {
  const from = Math.max(0, at - CONTEXT);
  const window = p.slice(from, at);
  const verbs = allVerbs(window);
  for (let k = verbs.length - 1; k >= 0; k--) {
    const v = verbs[k];
    if (!v) continue;
    const before = window.slice(0, v.start);
    // Inside a quote (odd number of marks before it): not narration.
    if (((before.match(/[“”"]/g)?.length ?? 0) & 1) === 1) continue;
    const phrase = subjectBefore(before.slice(Math.max(0, before.length - 200)));
    if (phrase) return { phrase, at: base + from + v.start };
    const after = subjectAfter(window.slice(v.end));
    if (after && after.words.some((w) => /^\p{Lu}/u.test(bare(w)))) return { phrase: after, at: base + from + v.end };
  }
  return null;
}

function makeRangeTest(ranges: readonly [number, number][]): (pos: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  return (pos) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.[0] ?? 0) <= pos) lo = mid + 1;
      else hi = mid;
    }
    const r = sorted[lo - 1];
    return r !== undefined && pos > r[0] && pos < r[1];
  };
}
