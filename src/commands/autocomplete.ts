import type { CommandContext } from './command.js';
import type { OptionSpec } from './options.js';
import { LIMITS } from '../render/limits.js';

export interface Choice {
  name: string;
  value: string;
}

const MAX_CHOICES = LIMITS.choices;
const MAX_CHOICE_CHARS = LIMITS.choiceChars;

const clip = (s: string): string => (s.length <= MAX_CHOICE_CHARS ? s : `${s.slice(0, MAX_CHOICE_CHARS - 1)}…`);
/** Prepares the article suggestions now (at start-up) rather than on the first keystroke. */
export function warmAutocomplete(ctx: CommandContext): void {
  if (ctx.loading?.()) return;
  ctx.engine.suggestArticles('', 1);
}

/** Choices for an option that names a thing; labels are for people, values are ids/names. */
export function autocompleteChoices(ctx: CommandContext, kind: NonNullable<OptionSpec['autocomplete']>, input: string): Choice[] {
  // Nothing to suggest from while the archive loads; the command itself will say why.
  if (ctx.loading?.()) return [];
  if (kind === 'article') {
    return ctx.engine
      .suggestArticles(input, MAX_CHOICES)
      .filter((c) => c.id.length <= MAX_CHOICE_CHARS)
      .map((c) => ({ name: clip(`${c.title}${c.date ? ` (${c.date})` : ''}`), value: c.id }));
  }
  const speakers = ctx.engine.suggestSpeakers(input, MAX_CHOICES);
  return speakers.map((name) => ({ name: clip(name), value: name.slice(0, MAX_CHOICE_CHARS) }));
}
