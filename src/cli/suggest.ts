import { distance } from 'fastest-levenshtein';
import type { OptionsSpec } from '../commands/options.js';
import { UserError } from '../errors.js';

/**
 * The known name a typo most likely meant: the nearest by edit distance (one edit for short
 * names, two for longer), else the only name it begins (`sea` → `search`).
 */
export function closestName(input: string, known: readonly string[]): string | undefined {
  const typed = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = distance(typed, k.toLowerCase());
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  if (best !== undefined && bestDistance <= (typed.length <= 4 ? 1 : 2)) return best;
  const starts = typed.length >= 2 ? known.filter((k) => k.toLowerCase().startsWith(typed)) : [];
  return starts.length === 1 ? starts[0] : undefined;
}

/** A command name as typed (`Search`, `serch`) → the command, or a UserError with a suggestion. */
export function resolveCommandName(typed: string, known: readonly string[]): string {
  const exact = known.find((k) => k.toLowerCase() === typed.toLowerCase());
  if (exact !== undefined) return exact;
  const guess = closestName(typed, known);
  const shown = typed.length > 40 ? `${typed.slice(0, 39)}…` : typed;
  throw new UserError(`unknown command "${shown}"${guess ? `; did you mean "${guess}"?` : ''}; commands: ${known.join(', ')}`, 'unknown-command');
}

/**
 * Option names as typed (`--Limit`, `--limt`) → the spec's own, or a UserError naming the
 * one that was probably meant.
 */
export function resolveOptionNames(command: string, spec: OptionsSpec, raw: Readonly<Record<string, string>>, extra: readonly string[] = []): Record<string, string> {
  const known = Object.keys(spec);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    const exact = known.find((k) => k.toLowerCase() === key.toLowerCase());
    if (exact !== undefined) {
      out[exact] = value;
      continue;
    }
    const guess = closestName(key, [...known, ...extra]);
    const list = known.length ? `options: ${known.join(', ')}` : 'it takes no options';
    throw new UserError(`${command}: unknown option "${key}"${guess ? `; did you mean "${guess}"?` : ''} (${list})`, 'bad-option');
  }
  return out;
}
