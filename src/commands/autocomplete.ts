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
  newest: Article[];
  titleWords: string[][];
}
const indexes = new WeakMap<Engine, SuggestIndex>();

function suggestIndex(engine: Engine): SuggestIndex {
  let index = indexes.get(engine);
  if (!index) {
    const newest = [...engine.articles].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
    index = { newest, titleWords: newest.map((a) => words(a.title)) };
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
  const { newest, titleWords } = suggestIndex(engine);
  const q = input.trim().toLowerCase();
  if (!q) return newest.slice(0, limit);
  const out: Article[] = [];
  const seen = new Set<Article>();
  for (const a of engine.articles) {
    if (out.length >= limit) return out;
    if (a.id.toLowerCase().startsWith(q)) {
      out.push(a);
      seen.add(a);
    }
  }
  const qWords = words(q);
  if (qWords.length === 0) return out;
  for (let i = 0; i < newest.length && out.length < limit; i++) {
    const a = newest[i];
    const tw = titleWords[i];
    if (!a || !tw || seen.has(a)) continue;
    if (qWords.every((w) => tw.some((t) => t.startsWith(w)))) out.push(a);
  }
  return out;
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
