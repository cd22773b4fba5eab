// Who "the spokesman" is. A news reader takes "the spokesman said" as the spokesperson the article
// described before ("a spokesman for the ministry said …"): one unnamed person, not the
// organisation that person speaks for (the news credits the words to the spokesperson, and a
// reader asked "who said it" answers "a ministry spokesman"). When the article gave the role to a
// named person since ("Ministry spokesman Ana Pell"), that person is meant. The reads here are
// bounded by the text they are given: attribute.ts passes at most SPOKES_REACH characters.

import { shownIndefinite } from './description.js';

/** How far back (characters of narration) "the spokesman" looks for the spokesperson it continues. */
export const SPOKES_REACH = 3000;

/** "the spokesman", "the company spokeswoman", "the spokesperson" (lower-cased determiner); group 1 the role's ending. */
const THE_SPOKESPERSON = /^the\s+(?:[\p{Ll}-]+\s+)?spokes(man|woman|person)$/u;

// An indefinite spokesperson: "a spokesman", "a Home Office spokeswoman", "one ministry spokesman",
// "a spokesman for the utility", "a spokesman for one of Spain's oil producers". The complement runs
// to the first clause mark or to a word that ends a subject (a verb of saying, an auxiliary); a
// full stop inside an abbreviation ("U.S.") is no end. The complement is bounded (120 characters): a hostile run of
// "a spokesman for a spokesman for …" costs each match start no more than that.
const VERB_AFTER = String.raw`(?:said|says|say|told|tells|added|adds|stated|explained|insisted|confirmed|declined|denied|noted|stressed|warned|would|was|is|had|has|did|does|could|will|who|which|that)`;
// A single capital before a full stop is an initial or an abbreviation's last letter ("the U.S. embassy"), no sentence's end.
const INITIAL = String.raw`(?:^|[\s.])\p{Lu}`;
const INITIAL_DOT = String.raw`(?<=${INITIAL})\.`;
const INDEFINITE_SPOKES = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+((?:[\p{L}\p{N}.'’&-]+\s+){0,4}?)spokes(man|woman|person)(?![\p{L}])` +
    String.raw`((?:\s+(?:for|at|of|with|from)\s+(?:[^,;:.!?"“”()\n]|\.(?=\S)|${INITIAL_DOT}){1,120}?)(?=\s*(?:[,;:!?"“”()\n]|(?<!${INITIAL})\.(?!\S)|$)|\s+${VERB_AFTER}(?![\p{L}])))?`,
  'gu',
);
// A sentence opener read as a determiner's modifier ("A But spokesman" never happens; "A The" neither): words that are no modifier.
const NOT_MODIFIER = /(?:^|\s)(?:said|says|told|and|but|the|a|an)\s/iu;

export interface SpokesReading {
  /** The description as shown: "a spokesman for the utility" ("one" becomes "a"). */
  phrase: string;
  /** Offset of the description in the text it was read from. */
  at: number;
}

/** The role's ending of "the spokesman" ("man", "woman", "person"), or null when `text` is no definite spokesperson. */
export function definiteSpokes(text: string): string | null {
  return THE_SPOKESPERSON.exec(text)?.[1] ?? null;
}

/** Whether two endings can be one person: a spokesman is no spokeswoman; a spokesperson is either. */
const sameKind = (a: string, b: string): boolean => a === b || a === 'person' || b === 'person';

/**
 * The last indefinite spokesperson of `before` (narration, quotes blanked) whose ending fits
 * `ending` ("man" for "the spokesman"), its whole complement kept; null when there is none.
 */
export function describedSpokesperson(before: string, ending: string): SpokesReading | null {
  let best: SpokesReading | null = null;
  for (const m of before.matchAll(INDEFINITE_SPOKES)) {
    if (!sameKind(m[2] ?? '', ending) || NOT_MODIFIER.test(` ${m[1] ?? ''}`)) continue;
    const phrase = shownIndefinite(m[0]);
    best = { phrase, at: m.index ?? 0 };
  }
  return best;
}
