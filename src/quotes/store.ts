// Every quote of the archive with its speaker, and the queries the commands ask of them.
// Plain data in and out; its state round-trips through JSON for the index cache.

import { distance } from 'fastest-levenshtein';
import type { Article } from '../archive/types.js';
import { UserError } from '../errors.js';
import { newestFirst } from '../text/dates.js';
import { terms } from '../text/tokenize.js';
import { attributeArticle, extractArticle } from './attribute.js';
import { PARTICLES, foldName } from './names.js';
import { DEFAULT_KIND_WEIGHTS } from './quote-kind.js';
import { DEFAULT_WEIGHTS } from './ranker.js';
import { buildRegistry, isListedSpeaker, type SpeakerEntry } from './registry.js';
import { endsPossessive, shownForm, withoutPossessive } from './shown-name.js';

export interface Quote {
  article: string;
  date: string | null;
  /** 1-based paragraph of the article (the citation number). */
  paragraph: number;
  /** The quoted words, without the marks. */
  text: string;
  /** Canonical full name, a group ("City officials in Denver"), or null when the text names no one. */
  speaker: string | null;
  role: string | null;
  /** `direct`: a quote that is its own sentence; `partial`: quoted words inside a reporting sentence. */
  kind: 'direct' | 'partial';
  /** Offsets of `text` in the paragraph. */
  start: number;
  end: number;
}

export interface QuoteQuery {
  topic?: string;
  /** With a topic: whether an article is about it (the engine's matcher); quotes elsewhere are left out. */
  about?: ((articleId: string) => boolean) | undefined;
  limit?: number;
}

/** The JSON form: articles and speakers once, quotes as rows that point into them. */
export interface QuoteStoreJSON {
  version: typeof QUOTES_VERSION;
  /** Fingerprint of the speaker weights the quotes were attributed with: retrained weights rebuild the cache. */
  model: string;
  articles: Array<[id: string, date: string | null]>;
  speakers: SpeakerEntry[];
  /** [article index, paragraph, text, speaker name or null, role or null, kind, start, end] */
  quotes: Array<[number, number, string, string | null, string | null, 'direct' | 'partial', number, number]>;
}

/**
 * The saved form's version. Bumped whenever extraction or attribution changes what a store holds
 * (2: learned speaker ranking; 3: spelled-out acronym speakers, no age speakers; 4: sentences open at doubled-apostrophe marks; 6: titles and organisations before a name are its role; 7: a document or spokesman speaks for an organisation named nearby, never a person; 8: a document for the issuer the text names, "the assembly government" for the named organisation, "the mayor" read as one named person (role match, else the person named last) for the model to weigh; 9: a name or a named pair starts only at a word's start, and a pair is looked for at most 1,500 characters back; 10: "A Treasury spokesperson, speaking …" keeps the role noun before a comma; 11: one-word persons the text describes ("Yuni, a resident of …"), "Surrey staff" a group, no acting "US" in "million US this", a description's referent read where the description stands; 12: the preceding attribution's speaker and the person the sentence before introduces are candidates and he/she readings, and a continuing quote knows who is named only after it; 13: the sentence-before person only a name the text shows to be a person's, `no_person_sign` for the model; 14: a one-word person's appositive read at its head noun ("the lanky professor"), a place opening a sentence ("In Jordan,"); 15: signs that a name is a thing's (after "the", an event/place/product head, a common word, a place) for the model, a role capitalised at a sentence's start ("Goalkeeper X") no name word, "the Waterford man" a description, an appositive without its closing comma, the agent of a passive ("by X") and "…, saying … “…”" as slots; 16: "by X" after a quote read only after a passive verb, "…, saying X had “…”" never X; 17: a he/she's antecedent read by its clause (main-clause subject, named after the pronoun in its own clause), a he/she continuing an unnamed speaker ("a spokesman for Acme"), "New Yorker X", "Manchester …" no role, "Mr X, Lloyd's chief executive said", "An official with one U.S. maker", "the source" unnamed; 19: a name inside the quote, inside what a speech verb reports, after "according to" or before the quote's colon, and a he/she continuing the last speech verb's named subject, for the model (k20attr); 20: a possessive before a noun, a place, a dateline or a document is no speaker, the head of the speech verb's subject phrase speaks ("… analyst Bruce Lazier"), "they said" continues the last plural subject, a noun of the quote's next sentence is no speaker, party labels/titles/plural role nouns/"PhD." are no part of a name and "St." no role (k20names), the narration after a tail attribution naming a known person is read only where it may give that person a role (k20cost); 21: a definite organisation description ("the bank said") or a document speaks for the organisation of that kind the story names, else stays a description (k21org), a described speaker with a complement ("one dealer for a Danish bank said"), a he/she before the quote continuing the speech verb before its sentence, and a description matching a person's whole role (k21attr); 22: a candidate the quote's own words call he/she, "his lawyer" never the client, an unnamed describer continuing a he/she when every named referent is of the other gender (k22subj), organisations read from the narration only, an appositive's head and "quoted Y as saying" speaking, an aged or national description kept as a description, organisations shown by their own names (k22org); 23: a he/she read as the subject of the sentence before and a candidate named in a prepositional phrase or as an object, for the model, a he/she reading the unnamed describer before it, a titled lone name a surname (k23attr), written text (a poster's, a rule's words) speaking for its named issuer or as the writing, an appositive's head past a relative clause or a coordinated role, shown names without markup, titled surnames kept apart in the registry (k23org); 24: an unnamed "one" of a group speaking as "one of the NOUNs", a nationality inside a closing description kept whole, `ante_oblique` read within its own sentence (k24attr); 25: no group of a surname, an agency or a thing, a people's plural keeps its capital (k24fixa), shown names without a sentence's full stop or a possessive the article's own name lacks (k24shown); 26: role heads before a name no part of it, a document its issuer names speaking for the issuer, "the communique said" read as other documents (k25names), an unnamed source's "the official" echoing it and the last explicit speaker's turn for the model, role nouns without a role ending ("the diplomat said") (k25feat); 27: a bare surname that is also a day or month joins a longer name only within its articles (the registry); 28: a straight mark after a sentence end opening the next quote of the same speech (k26person), an indefinite description kept as the attribution slot across a comma clause and no person named inside it its speaker, he/she continuing "Another …" (k26unnamed), "Another said" another of the last unnamed kind and organisations shown under the fullest name the article gives (k26org); 29: a capitalised word glued before a known first name and surname no part of the name, the quote's own attribution read as the person before an appositive, a party tag or post-nominal letters (k27person), a document with no issuer nearby speaking for the article's leading organisation (k27org), one reader of person descriptions and a he/she continuing the unnamed described speaker holding the turn (k27desc); 30: "the spokesman" the described spokesperson and "the diplomat" the unnamed one, a he/she chain back to a described speaker (s28spk), a summary/study/survey/document with no issuer near it speaking for the leading organisation and "the company" found in a possessive or before a place (s28org), a person named before a chain of appositives or asides speaking (s28pers); a retrained speaker or quote-kind model changes `model` instead), so that a cache written by an older build is rebuilt, not reused.
 */
export const QUOTES_VERSION = 30;

/** The committed speaker and quote-kind weights, as a short fingerprint (FNV-1a of their JSON). */
const MODEL = ((): string => {
  const text = JSON.stringify([DEFAULT_WEIGHTS.weights, DEFAULT_KIND_WEIGHTS.weights]);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16);
})();

const MAX_INPUT = 100;
/** How many other speakers sharing a name a reply lists. */
const MAX_OTHERS = 5;

// Forms of address and titles a person may type before a name: "Mr Blair", "Dr. Fauci".
const HONORIFIC = /^(?:(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|rev|president|senator|sen|rep|gov|governor|mayor|minister|chancellor|secretary|judge)\.?\s+)+/iu;
const withoutHonorific = (s: string): string => {
  const stripped = s.replace(HONORIFIC, '');
  return stripped.trim() ? stripped : s;
};
const coreWords = (folded: string): number => folded.split(' ').filter((w) => w && !PARTICLES.has(w)).length;

/**
 * A surname-only speaker whose article also quotes exactly one full name with that surname is
 * that person ("Blair" beside "Tony Blair"); the archive-wide registry then merges the rest.
 */
function namedInArticle(quotes: readonly Quote[]): Quote[] {
  const fullBySurname = new Map<string, Map<string, Set<string>>>();
  for (const q of quotes) {
    // A description ("one of the dealers") is no full name: its last word is no surname.
    if (!q.speaker || !isListedSpeaker(q.speaker)) continue;
    const f = foldName(q.speaker);
    if (coreWords(f) < 2) continue;
    const surname = f.slice(f.lastIndexOf(' ') + 1);
    let byArticle = fullBySurname.get(q.article);
    if (!byArticle) fullBySurname.set(q.article, (byArticle = new Map()));
    const names = byArticle.get(surname) ?? new Set<string>();
    names.add(q.speaker);
    byArticle.set(surname, names);
  }
  return quotes.map((q) => {
    if (!q.speaker || foldName(q.speaker).includes(' ')) return q;
    const names = fullBySurname.get(q.article)?.get(foldName(q.speaker));
    const only = names?.size === 1 ? [...names][0] : undefined;
    return only ? { ...q, speaker: only } : q;
  });
}

const PEERAGE_TITLE = /(?<![\p{L}\p{N}])(Lord|Lady|Baroness|Viscount|Sir|Dame)\s+(\p{Lu}[\p{L}'’-]*)(?![\p{L}'’-])/gu;

/** A second capitalised name word right after the first: "Sir Alec Rowe". */
const NEXT_NAME_WORD = /\s+\p{Lu}/uy;
/** Titles that go before a first name and a surname ("Sir Alec Rowe"), never before a surname alone in full. */
const FIRST_NAME_TITLES = new Set(['Sir', 'Dame', 'Lady']);

/**
 * Each surname the article writes after a peerage or knight's title, with that title (one pass over
 * the text). A knight is "Sir FIRST SURNAME": the word after Sir/Dame/Lady is a surname only when no
 * second name word follows ("Sir Rowe"), else "Alec" of "Sir Alec Rowe" would be titled.
 */
export function peerageTitles(paragraphs: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of paragraphs) {
    for (const m of p.matchAll(PEERAGE_TITLE)) {
      if (!m[1] || !m[2] || out.has(foldName(m[2]))) continue;
      if (FIRST_NAME_TITLES.has(m[1])) {
        NEXT_NAME_WORD.lastIndex = m.index + m[0].length;
        if (NEXT_NAME_WORD.test(p)) continue;
      }
      out.set(foldName(m[2]), m[1]);
    }
  }
  return out;
}

/** Distinct shown names per article checked against its text for a possessive (shown-name.ts). */
const MAX_OWNER_SCANS = 8;

/** The quotes of these articles, in order, before speakers are merged across the archive (`fromQuotes`). */
export function extractQuotes(articles: readonly Article[]): Quote[] {
  const raw: Quote[] = [];
  // Every article's quotes are found first, then attributed (the same work as article by article):
  // in a cold process the extraction code is then optimised in one stretch, not behind the
  // attribution code's compilation.
  const extracted = articles.map((a) => extractArticle(a.paragraphs));
  articles.forEach((a, k) => {
    const quotes = extracted[k];
    if (!quotes) return;
    let titles: Map<string, string> | null = null;
    // One article scan per possessive name, not per quote, and at most a few names scanned: linear
    // in the article whatever it holds (past them the "'s" just goes).
    const owned = new Map<string, string>();
    const shownSpeaker = (name: string): string => {
      const form = shownForm(name);
      if (!endsPossessive(form)) return form;
      let out = owned.get(form);
      if (out === undefined) owned.set(form, (out = withoutPossessive(form, owned.size < MAX_OWNER_SCANS ? a.paragraphs : [])));
      return out;
    };
    for (const q of attributeArticle(a.paragraphs, { extracted: quotes })) {
      if (q.kind === 'fragment') continue;
      // A peer or a knight the article names only by title and surname is shown so ("Lord Tenby"):
      // the surname alone would merge with another person of that surname across the archive.
      const title = q.speaker !== null && !q.speaker.includes(' ') ? (titles ??= peerageTitles(a.paragraphs)).get(foldName(q.speaker)) : undefined;
      if (title !== undefined && q.speaker !== null) q.speaker = `${title} ${q.speaker}`;
      // Shown without Reuters' markup, glued-on words and a possessive the article's own name lacks (shown-name.ts).
      raw.push({ article: a.id, date: a.date, paragraph: q.paragraph, text: q.text, speaker: q.speaker === null ? null : shownSpeaker(q.speaker), role: q.role === null ? null : shownForm(q.role), kind: q.kind, start: q.start, end: q.end });
    }
  });
  return raw;
}

export class QuoteStore {
  private readonly byArticle = new Map<string, Quote[]>();
  private readonly bySpeaker = new Map<string, Quote[]>();
  private readonly byKey = new Map<string, SpeakerEntry>();
  /** Folded names in registry order, and registry positions by name word: lookups touch only the names that can match. */
  private readonly keys: string[] = [];
  private readonly byWord = new Map<string, number[]>();
  private df: Map<string, number> | null = null;

  private constructor(
    readonly quotes: readonly Quote[],
    private readonly registry: readonly SpeakerEntry[],
  ) {
    for (const q of quotes) {
      const a = this.byArticle.get(q.article);
      if (a) a.push(q);
      else this.byArticle.set(q.article, [q]);
      if (q.speaker) {
        const s = this.bySpeaker.get(q.speaker);
        if (s) s.push(q);
        else this.bySpeaker.set(q.speaker, [q]);
      }
    }
    registry.forEach((e, order) => {
      const key = foldName(e.name);
      this.byKey.set(key, e);
      this.keys.push(key);
      for (const w of new Set(key.split(' '))) {
        const list = this.byWord.get(w);
        if (list) list.push(order);
        else this.byWord.set(w, [order]);
      }
    });
  }

  /** Extracts and attributes the quotes of every article. Scare quotes and titles are left out. */
  static build(articles: readonly Article[]): QuoteStore {
    return QuoteStore.fromQuotes(extractQuotes(articles));
  }

  /**
   * The store after articles were added or changed (`added`) or removed: only those articles
   * are read again; the speaker registry is rebuilt over all quotes (it is cheap), so names
   * merge across the archive as in a full build.
   */
  update(added: readonly Article[], removed: ReadonlySet<string>): QuoteStore {
    const gone = new Set([...removed, ...added.map((a) => a.id)]);
    return QuoteStore.fromQuotes([...this.quotes.filter((q) => !gone.has(q.article)), ...extractQuotes(added)]);
  }

  /** The store over extracted quotes (`extractQuotes`, article by article in archive order): what `build` gives. */
  static fromQuotes(input: readonly Quote[]): QuoteStore {
    const raw = namedInArticle(input);
    const { entries, canonical } = buildRegistry(raw.flatMap((q) => (q.speaker ? [{ name: q.speaker, role: q.role, article: q.article }] : [])));
    const quotes: Quote[] = raw.map((q) => ({ ...q, speaker: q.speaker === null ? null : (canonical.get(foldName(q.speaker)) ?? q.speaker) }));
    return new QuoteStore(quotes, entries);
  }

  toJSON(): QuoteStoreJSON {
    const articleIndex = new Map<string, number>();
    const articles: QuoteStoreJSON['articles'] = [];
    const rows: QuoteStoreJSON['quotes'] = [];
    for (const q of this.quotes) {
      let i = articleIndex.get(q.article);
      if (i === undefined) {
        i = articles.length;
        articleIndex.set(q.article, i);
        articles.push([q.article, q.date]);
      }
      rows.push([i, q.paragraph, q.text, q.speaker, q.role, q.kind, q.start, q.end]);
    }
    return { version: QUOTES_VERSION, model: MODEL, articles, speakers: [...this.registry], quotes: rows };
  }

  /** Back from `toJSON()`; throws on any other shape (the caller then rebuilds). */
  static fromJSON(json: unknown): QuoteStore {
    if (!isStoreJSON(json)) throw new Error(`QuoteStore: not a saved quote store (version ${QUOTES_VERSION}, these speaker weights)`);
    const quotes: Quote[] = json.quotes.map(([a, paragraph, text, speaker, role, kind, start, end]) => {
      const art = json.articles[a];
      if (!art) throw new Error(`QuoteStore: quote points to missing article ${a}`);
      return { article: art[0], date: art[1], paragraph, text, speaker, role, kind, start, end };
    });
    return new QuoteStore(quotes, json.speakers);
  }

  get size(): number {
    return this.quotes.length;
  }

  /** The most quoted speakers first. */
  speakers(limit: number): SpeakerEntry[] {
    return this.registry.slice(0, Math.max(0, limit));
  }

  /** Every quote of one article in text order; an empty list for an article without quotes. */
  quotesOfArticle(id: string): Quote[] {
    return [...(this.byArticle.get(id) ?? [])];
  }

  /**
   * Quotes of one speaker (any form of the name `resolveSpeaker` accepts), most recent first; with
   * a topic, those that share its words, best first.
   */
  quotesBySpeaker(name: string, query: QuoteQuery = {}): Quote[] {
    const canonical = this.resolveSpeaker(name);
    const own = this.bySpeaker.get(canonical) ?? [];
    const ranked = query.topic?.trim() ? this.rankByTopic(own, query.topic, query.about) : [...own].sort(quoteOrder);
    return query.limit === undefined ? ranked : ranked.slice(0, query.limit);
  }

  /** The newest quotes of the archive (undated ones last), in text order within an article. */
  newest(limit: number): Quote[] {
    return [...this.quotes].sort(quoteOrder).slice(0, Math.max(0, limit));
  }

  /** Quotes of anyone that share the topic's words, best first. */
  quotesAbout(topic: string, limit?: number, about?: (articleId: string) => boolean): Quote[] {
    const ranked = this.rankByTopic(this.quotes, topic, about);
    return limit === undefined ? ranked : ranked.slice(0, limit);
  }

  /**
   * Quotes in `quotes` that share `topic`'s words, ranked by the summed IDF of the shared terms;
   * with `about`, only quotes of articles about the topic.
   */
  rankByTopic(quotes: readonly Quote[], topic: string, about?: (articleId: string) => boolean): Quote[] {
    const want = [...new Set(terms(topic))];
    if (want.length === 0) throw new UserError(`the topic "${topic.trim().slice(0, MAX_INPUT)}" has no words to look for`, 'empty-topic');
    const df = this.documentFrequencies();
    const n = this.quotes.length;
    const idf = (t: string): number => Math.log(1 + n / (1 + (df.get(t) ?? 0)));
    const scored: Array<{ q: Quote; score: number; order: number }> = [];
    quotes.forEach((q, order) => {
      const have = new Set(terms(q.text));
      let score = 0;
      for (const t of want) if (have.has(t)) score += idf(t);
      if (score > 0 && (about?.(q.article) ?? true)) scored.push({ q, score, order });
    });
    scored.sort((a, b) => b.score - a.score || quoteOrder(a.q, b.q) || a.order - b.order);
    return scored.map((s) => s.q);
  }

  /**
   * The speakers a typed name means, best first: the name itself in any case or accents; for a
   * surname or other part of names ("Blair", "Mr Blair"), every speaker with that word, full names
   * before a bare surname, most quoted first. Forms of address are ignored.
   */
  matchSpeakers(input: string): SpeakerEntry[] {
    const key = foldName(withoutHonorific(input.trim().slice(0, MAX_INPUT)));
    if (!key) return [];
    const exact = this.byKey.get(key);
    if (exact && coreWords(key) >= 2) return [exact];
    // Names holding the typed words in a row: candidates by the first word, then checked whole.
    const first = key.split(' ')[0] ?? '';
    const partial = (this.byWord.get(first) ?? []).filter((i) => this.registry[i] !== exact && ` ${this.keys[i] ?? ''} `.includes(` ${key} `)).map((i) => this.registry[i] as SpeakerEntry);
    const ranked = (exact ? [exact, ...partial] : partial)
      .map((e, order) => ({ e, order, full: coreWords(foldName(e.name)) >= 2 ? 1 : 0, surname: foldName(e.name).endsWith(` ${key}`) ? 1 : 0 }))
      .sort((a, b) => b.full - a.full || b.surname - a.surname || b.e.quotes - a.e.quotes || a.order - b.order);
    return ranked.map((r) => r.e);
  }

  /** Autocomplete: the speakers `matchSpeakers` finds, in its order, then names with a word starting with the input, best first. */
  suggestSpeakers(prefix: string, limit = 25): string[] {
    const p = foldName(withoutHonorific(prefix.slice(0, MAX_INPUT)));
    if (!p) return this.registry.slice(0, limit).map((e) => e.name);
    const out = this.matchSpeakers(prefix).map((e) => e.name);
    const seen = new Set(out);
    const scored: Array<{ e: SpeakerEntry; rank: number }> = [];
    for (const [i, e] of this.registry.entries()) {
      if (seen.has(e.name)) continue;
      const key = this.keys[i] ?? '';
      let rank = -1;
      if (key.startsWith(p)) rank = 1;
      else if (key.includes(` ${p}`)) rank = 2;
      if (rank >= 0) scored.push({ e, rank });
    }
    // The registry is already most-quoted first; a stable sort keeps that order within a rank.
    scored.sort((a, b) => a.rank - b.rank);
    for (const s of scored) out.push(s.e.name);
    return out.slice(0, limit);
  }

  /**
   * The canonical name for what a person typed (see `matchSpeakers`), with the other speakers the
   * same words name. Otherwise a UserError suggesting close names ("did you mean …").
   */
  lookupSpeaker(input: string): { name: string; others: Array<{ name: string; quotes: number }> } {
    const raw = input.trim().slice(0, MAX_INPUT);
    if (!foldName(raw)) throw new UserError('the speaker is empty: type a name', 'empty-speaker');
    const [best, ...rest] = this.matchSpeakers(raw);
    if (best) return { name: best.name, others: rest.slice(0, MAX_OTHERS).map((e) => ({ name: e.name, quotes: e.quotes })) };
    const close = this.closeNames(foldName(withoutHonorific(raw)) || foldName(raw), 3);
    throw new UserError(`no quotes from ${raw}${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`, 'unknown-speaker');
  }

  /** The canonical name for what a person typed; see `lookupSpeaker`. */
  resolveSpeaker(input: string): string {
    return this.lookupSpeaker(input).name;
  }

  /** Speaker names within a small edit distance of `key`, whole or word by word, closest and most quoted first. */
  private closeNames(key: string, n: number): string[] {
    const best = new Map<number, number>();
    const keep = (i: number, d: number): void => {
      if (d < (best.get(i) ?? Infinity)) best.set(i, d);
    };
    // One edit per four letters, at least one: "Volker" → Volcker, "Mourino" → Mourinho.
    const limit = Math.max(1, Math.floor(key.length / 4));
    this.keys.forEach((k, i) => {
      if (Math.abs(k.length - key.length) <= limit) {
        const d = editDistance(key, k);
        if (d <= limit) keep(i, d);
      }
    });
    // A word against each distinct name word ("yeuter" against "yeutter"), a little behind a whole-name
    // match; a one-word input is a surname, so "Tony Blair" is as close to "Bliar" as a speaker called "Blair".
    const behind = key.includes(' ') ? 0.5 : 0;
    for (const q of key.split(' ')) {
      const wordLimit = Math.max(1, Math.floor(q.length / 4));
      if (q.length < 3) continue;
      for (const [w, entries] of this.byWord) {
        if (Math.abs(w.length - q.length) > wordLimit || w === q) continue;
        const wd = editDistance(q, w);
        if (wd <= wordLimit) for (const i of entries) keep(i, wd + behind);
      }
    }
    return [...best.entries()]
      .sort((a, b) => a[1] - b[1] || (this.registry[b[0]]?.quotes ?? 0) - (this.registry[a[0]]?.quotes ?? 0) || a[0] - b[0])
      .slice(0, n)
      .map(([i]) => this.registry[i]?.name ?? '');
  }

  /** For the search filter: where this speaker's quotes are, by article id. */
  quotedSpans(name: string): Map<string, Array<{ paragraph: number; start: number; end: number }>> {
    const canonical = this.resolveSpeaker(name);
    const out = new Map<string, Array<{ paragraph: number; start: number; end: number }>>();
    for (const q of this.bySpeaker.get(canonical) ?? []) {
      const span = { paragraph: q.paragraph, start: q.start, end: q.end };
      const list = out.get(q.article);
      if (list) list.push(span);
      else out.set(q.article, [span]);
    }
    return out;
  }

  private documentFrequencies(): Map<string, number> {
    if (this.df) return this.df;
    const df = new Map<string, number>();
    for (const q of this.quotes) for (const t of new Set(terms(q.text))) df.set(t, (df.get(t) ?? 0) + 1);
    this.df = df;
    return df;
  }
}

function quoteOrder(a: Quote, b: Quote): number {
  const byDate = newestFirst(a, b);
  if (byDate !== 0) return byDate;
  if (a.article !== b.article) return a.article < b.article ? -1 : 1;
  return a.paragraph - b.paragraph || a.start - b.start;
}

function isStoreJSON(x: unknown): x is QuoteStoreJSON {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  if (o.version !== QUOTES_VERSION || o.model !== MODEL || !Array.isArray(o.articles) || !Array.isArray(o.speakers) || !Array.isArray(o.quotes)) return false;
  const okArticle = (a: unknown): boolean => Array.isArray(a) && typeof a[0] === 'string' && (a[1] === null || typeof a[1] === 'string');
  const okSpeaker = (s: unknown): boolean =>
    typeof s === 'object' && s !== null && typeof (s as SpeakerEntry).name === 'string' && typeof (s as SpeakerEntry).quotes === 'number' && Array.isArray((s as SpeakerEntry).roles);
  const okQuote = (q: unknown): boolean =>
    Array.isArray(q) &&
    q.length === 8 &&
    typeof q[6] === 'number' &&
    typeof q[7] === 'number' &&
    typeof q[0] === 'number' &&
    typeof q[1] === 'number' &&
    typeof q[2] === 'string' &&
    (q[3] === null || typeof q[3] === 'string') &&
    (q[4] === null || typeof q[4] === 'string') &&
    (q[5] === 'direct' || q[5] === 'partial');
  return o.articles.every(okArticle) && o.speakers.every(okSpeaker) && o.quotes.every(okQuote);
}

/**
 * Edits between two folded names, where two neighbouring letters typed the wrong way round count
 * as one ("Bliar" → Blair): the commonest typing slip, which plain Levenshtein counts as two and so
 * puts out of reach of a short surname's one-edit allowance.
 */
export function editDistance(a: string, b: string): number {
  const d = distance(a, b);
  return d === 2 && oneSwapApart(a, b) ? 1 : d;
}

/** Whether `b` is `a` with exactly one pair of neighbouring characters exchanged. */
function oneSwapApart(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (i + 1 >= a.length || a[i] !== b[i + 1] || a[i + 1] !== b[i]) return false;
  return a.slice(i + 2) === b.slice(i + 2);
}
