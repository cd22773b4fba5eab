// Annotated quote files (JSONL) read for the quote evaluation and for training the speaker ranker:
// the records loaded through the real archive loader, predicted quotes matched to gold ones, and
// the two ways a speaker is judged right.
//
// ggt-style files (`speaker_is_canonical` true or absent) give each quote's full speaker name: a
// speaker is right when it equals that name after folding case, punctuation and diacritics.
// PolNeAR-style files (`speaker_is_canonical` false) give the *mention* at the quote ("Trump",
// "a Clinton aide", "he"): only mentions that name someone count (the first phrase ends in a
// capitalised word), and a speaker is right when its surname is one of the mention's capitalised words.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../src/archive/types.js';
import { loadArchive } from '../src/archive/load.js';
import { foldName } from '../src/quotes/names.js';

export interface GoldQuote {
  text: string;
  speaker: string | null;
}
export interface GoldRecord {
  id: string;
  date?: string;
  text: string;
  quotes: GoldQuote[];
  other_quotes?: GoldQuote[];
  speaker_is_canonical?: boolean;
}

export interface GoldSet {
  /** The file's base name ("ggt-dev"). */
  name: string;
  /** Speakers are mentions (PolNeAR), not canonical names. */
  mentions: boolean;
  articles: Array<{ article: Article; gold: GoldRecord }>;
}

/** Reads a JSONL file of annotated articles; each record becomes an article through the real loader. */
export function readGoldSet(path: string): GoldSet {
  const records: GoldRecord[] = readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as GoldRecord;
      } catch {
        throw new Error(`${path}:${i + 1}: not a JSON record`);
      }
    });
  const dir = mkdtempSync(join(tmpdir(), 'gold-quotes-'));
  const byId = new Map<string, GoldRecord>();
  try {
    records.forEach((r, i) => {
      const id = `${String(i).padStart(4, '0')}_${r.id.replace(/[^\w-]+/g, '_').slice(0, 80)}`;
      byId.set(id, r);
      writeFileSync(join(dir, `${id}.txt`), `date ${r.date ?? ''}\n\n${r.text}`);
    });
    const archive = loadArchive(dir);
    const name = (path.split('/').pop() ?? path).replace(/\.jsonl$/u, '');
    const articles = archive.articles.flatMap((article) => {
      const gold = byId.get(article.id);
      return gold ? [{ article, gold }] : [];
    });
    return { name, mentions: records.some((r) => r.speaker_is_canonical === false), articles };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const tokens = (s: string): string[] =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

function shared(a: readonly string[], b: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const t of a) counts.set(t, (counts.get(t) ?? 0) + 1);
  let n = 0;
  for (const t of b) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      n++;
      counts.set(t, c - 1);
    }
  }
  return n;
}

/** Shared tokens when they cover ≥ 80% of the gold quote and ≥ 50% of the prediction, else 0. */
export function overlap(pred: readonly string[], gold: readonly string[]): number {
  if (pred.length === 0 || gold.length === 0) return 0;
  const s = shared(pred, gold);
  return s / gold.length >= 0.8 && s / pred.length >= 0.5 ? s : 0;
}

export type Match<P> = { pred: P; gold: GoldQuote } | { pred: P; gold: null; other: boolean };

/** Pairs each prediction with the unused gold quote it overlaps most; the gold quotes left are misses. */
export function matchQuotes<P extends { text: string }>(preds: readonly P[], gold: GoldRecord): { matches: Match<P>[]; missed: GoldQuote[] } {
  const golds = gold.quotes.map((g) => ({ g, toks: tokens(g.text), used: false }));
  const other = (gold.other_quotes ?? []).map((g) => tokens(g.text));
  const matches: Match<P>[] = [];
  for (const p of preds) {
    const pt = tokens(p.text);
    let best: (typeof golds)[number] | null = null;
    let bestShared = 0;
    for (const g of golds) {
      if (g.used) continue;
      const s = overlap(pt, g.toks);
      if (s > bestShared) {
        bestShared = s;
        best = g;
      }
    }
    if (best) {
      best.used = true;
      matches.push({ pred: p, gold: best.g });
    } else matches.push({ pred: p, gold: null, other: other.some((o) => overlap(pt, o) > 0) });
  }
  return { matches, missed: golds.filter((g) => !g.used).map((g) => g.g) };
}

/**
 * Span-based matching for the quote evaluation, one rule for every file: a gold quote is *found* by
 * the prediction whose tokens cover ≥ 80% of its tokens (most shared first), so one extracted
 * multi-sentence quote can find each sentence an annotator split out. A prediction is *right* when
 * the gold quotes it found, plus `other_quotes` it covers (partial or indirect quotes: neither
 * required nor wrong), account for ≥ 50% of its tokens; otherwise it is a false positive and the
 * gold quotes it covered are not found by it. A prediction covering only `other_quotes` is neutral.
 */
export interface Cover<P> {
  pred: P;
  /** Gold quotes this prediction found (empty for a false positive or a neutral prediction). */
  golds: GoldQuote[];
  /** Neither right nor wrong: it covers only `other_quotes` text. */
  neutral: boolean;
}
export function coverQuotes<P extends { text: string }>(preds: readonly P[], gold: GoldRecord): { covers: Cover<P>[]; missed: GoldQuote[] } {
  const golds = gold.quotes.map((g) => ({ g, toks: tokens(g.text), by: -1, shared: 0 }));
  const others = (gold.other_quotes ?? []).map((g) => tokens(g.text));
  const predToks = preds.map((p) => tokens(p.text));
  // Each gold quote picks the prediction covering most of it.
  for (const g of golds) {
    predToks.forEach((pt, i) => {
      if (g.toks.length === 0 || pt.length === 0) return;
      const s = shared(pt, g.toks);
      if (s / g.toks.length >= 0.8 && s > g.shared) {
        g.shared = s;
        g.by = i;
      }
    });
  }
  const covers: Cover<P>[] = preds.map((pred, i) => {
    const pt = predToks[i] ?? [];
    const mine = golds.filter((g) => g.by === i);
    const otherShared = others.reduce((n, o) => (o.length > 0 && shared(pt, o) / o.length >= 0.8 ? n + shared(pt, o) : n), 0);
    const covered = mine.reduce((n, g) => n + g.shared, 0) + otherShared;
    const right = pt.length > 0 && covered / pt.length >= 0.5;
    if (right && mine.length > 0) return { pred, golds: mine.map((g) => g.g), neutral: false };
    for (const g of mine) g.by = -1;
    // The old pairwise rule's neutral case: the prediction overlaps an other_quotes entry.
    return { pred, golds: [], neutral: (right && otherShared > 0) || others.some((o) => overlap(pt, o) > 0) };
  });
  return { covers, missed: golds.filter((g) => g.by < 0).map((g) => g.g) };
}

/** The capitalised words of a mention's first phrase when that phrase ends in one ("Sen. Ted Cruz, R-Texas" → Sen, Ted, Cruz), else null. */
export function namedMention(mention: string | null): string[] | null {
  if (!mention) return null;
  const first = mention.split(/[,(]/u)[0]?.trim() ?? '';
  const words = first.split(/\s+/u).filter((w) => w.length > 0);
  const last = words[words.length - 1] ?? '';
  if (!/^[^\p{L}]*\p{Lu}/u.test(last)) return null;
  // "I", "He", "She" at a sentence start are pronouns, not names.
  if (words.length === 1 && /^(?:i|he|she|it|they|we|you|his|her|its|their)$/iu.test(foldName(last))) return null;
  // Each capitalised word folded whole ("Mark-Viverito" stays one word), without a possessive.
  const caps = mention
    .split(/\s+/u)
    .filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w))
    .map((w) => foldName(w.replace(/['’]s?[^\p{L}]*$/u, '')))
    .filter((w) => w.length > 0);
  return caps.length > 0 ? caps : null;
}

/** The last word of a speaker name (hyphenated surnames whole), folded: the surname for people. */
export const surnameOf = (speaker: string): string => {
  const words = speaker.trim().split(/\s+/u);
  return foldName(words[words.length - 1] ?? '');
};

/**
 * Whether a gold quote counts for speaker accuracy, and whether `speaker` is right for it.
 * ggt: every matched quote counts. PolNeAR: only quotes whose mention names someone.
 */
export function judgeSpeaker(set: Pick<GoldSet, 'mentions'>, gold: GoldQuote, speaker: string | null): { counts: boolean; right: boolean } {
  if (!set.mentions) return { counts: true, right: (speaker === null ? '' : foldName(speaker)) === (gold.speaker === null ? '' : foldName(gold.speaker)) };
  const caps = namedMention(gold.speaker);
  if (!caps) return { counts: false, right: false };
  if (!speaker) return { counts: true, right: false };
  const surname = surnameOf(speaker);
  return { counts: true, right: surname.length > 0 && caps.includes(surname) };
}
