import type { Article } from '../archive/types.js';
import type { Engine } from '../engine.js';
import { normalizeWord } from '../text/tokenize.js';
import type { CommandContext } from './command.js';
import type { OptionSpec } from './options.js';

export interface Choice {
  name: string;
  value: string;
}

// Discord: at most 25 choices, each name and value at most 100 characters.
const MAX_CHOICES = 25;
const MAX_CHOICE_CHARS = 100;

const clip = (s: string): string => (s.length <= MAX_CHOICE_CHARS ? s : `${s.slice(0, MAX_CHOICE_CHARS - 1)}…`);
const words = (s: string): string[] => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(normalizeWord);

/**
 * Title words, computed once per engine, and the articles newest first. Autocomplete runs on
 * every keystroke and must answer in milliseconds: on a 19,000-article archive, splitting and
 * normalising every title per keystroke (what `Engine.suggestArticles` does) takes tens of ms.
 */
interface SuggestIndex {
  /** The engine's generation it was built for: a live archive change makes it stale. */
  generation: number;
  /** Lower-case ids, in archive order. */
  ids: string[];
  newest: Article[];
  /** Per article of `newest`: its title words, each after a space, so `includes(' ' + prefix)` is a word-prefix test. */
  titleKeys: string[];
  /** All title keys in one string (one native `indexOf` scan instead of 19,000 calls), and where each starts. */
  blob: string;
  starts: number[];
}
const indexes = new WeakMap<Engine, SuggestIndex>();

function suggestIndex(engine: Engine): SuggestIndex {
  let index = indexes.get(engine);
  if (!index || index.generation !== engine.generation) {
    const newest = [...engine.articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    const titleKeys = newest.map((a) => ` ${words(a.title).join(' ')}`);
    const starts: number[] = [];
    let at = 0;
    for (const k of titleKeys) {
      starts.push(at);
      at += k.length + 1;
    }
    index = { generation: engine.generation, ids: engine.articles.map((a) => a.id.toLowerCase()), newest, titleKeys, blob: titleKeys.join('\n'), starts };
    indexes.set(engine, index);
  }
  return index;
}

/** Builds the autocomplete index now (at start-up) rather than on the first keystroke. */
export function warmAutocomplete(ctx: CommandContext): void {
  suggestIndex(ctx.engine);
}

/**
 * Articles whose id starts with the input, then those whose title has words starting with each
 * input word, newest first: the same order as `Engine.suggestArticles`, from the prepared index.
 */
export function suggestArticleChoices(engine: Engine, input: string, limit: number): Article[] {
  const { ids, newest, titleKeys, blob, starts } = suggestIndex(engine);
  const q = input.trim().toLowerCase();
  if (!q) return newest.slice(0, limit);
  const out: Article[] = [];
  const seen = new Set<Article>();
  for (let i = 0; i < ids.length && out.length < limit; i++) {
    const a = engine.articles[i];
    if (a && ids[i]?.startsWith(q)) {
      out.push(a);
      seen.add(a);
    }
  }
  const qKeys = words(q).map((w) => ` ${w}`);
  // Scan for the longest word (fewest hits), then check the others on each hit's own title.
  const pivot = qKeys.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (!pivot) return out;
  let pos = blob.indexOf(pivot);
  while (pos >= 0 && out.length < limit) {
    const i = lastAtOrBefore(starts, pos);
    const a = newest[i];
    const key = titleKeys[i];
    if (a && key !== undefined && !seen.has(a) && qKeys.every((w) => key.includes(w))) out.push(a);
    pos = blob.indexOf(pivot, starts[i + 1] ?? blob.length);
  }
  return out;
}

/** The index of the last element of the ascending `xs` that is ≤ `x` (xs[0] is 0 ≤ x). */
function lastAtOrBefore(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((xs[mid] ?? Infinity) <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Choices for an option that names a thing; labels are for people, values are ids/names. */
export function autocompleteChoices(ctx: CommandContext, kind: NonNullable<OptionSpec['autocomplete']>, input: string): Choice[] {
  if (kind === 'article') {
    return suggestArticleChoices(ctx.engine, input, MAX_CHOICES)
      .filter((c) => c.id.length <= MAX_CHOICE_CHARS)
      .map((c) => ({ name: clip(`${c.title}${c.date ? ` (${c.date})` : ''}`), value: c.id }));
  }
  const speakers = ctx.engine.suggestSpeakers?.(input, MAX_CHOICES) ?? [];
  return speakers.map((name) => ({ name: clip(name), value: name.slice(0, MAX_CHOICE_CHARS) }));
}
