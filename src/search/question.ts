/**
 * What kind of thing a question asks for: who → a person or organisation, when → a date or
 * time, how much / how many → an amount, where → a place, why → a cause. The type is evidence
 * for passages and sentences, and says which candidate in a sentence is the answer.
 */
export type AnswerType = 'time' | 'number' | 'person' | 'place' | 'cause' | 'other';

export const ANSWER_TYPES: readonly AnswerType[] = ['person', 'time', 'number', 'place', 'cause', 'other'];

const TIME_Q = /\b(when|what year|which year|what (?:is|was) the (?:year|date)|what date|what day|what month|what time|what century|what decade|what period|what era|how long ago|since when|in what year|in which year)\b/;
const NUMBER_Q = /\bhow (many|much|long|far|old|big|large|often|tall|high|fast|deep|wide|heavy)\b|\bwhat (percentage|percent|proportion|portion|number|amount|size|share|price|rate|sum|fraction|ratio|population|salary|budget)\b|\bwhat (?:is|was|are|were) the (?:(?:average|total|median|approximate|estimated|current) )?(?:population|number|amount|cost|price|size|value|salary|budget|percentage|ratio|rate|length|height|weight|distance|area|age|temperature|speed)\b/;
const PERSON_HEAD = '(?:person|people|man|woman|company|companies|firm|team|group|organi[sz]ation|party|agency|bank|club|player|president|minister|leader|king|queen|emperor|band|singer|actor|actress|director|author|writer|scientist|university|school|newspaper|network|artist|painter|poet|composer|architect|general|commander|senator|governor|coach|committee|council|court|government|army|dynasty|tribe|family|explorer|inventor|philosopher|pope|bishop)';
// "Which famous Dutch artist …": a word or two may stand between "which" and the head noun.
const PERSON_Q = new RegExp(`\\b(who|whom|whose)\\b|\\b(?:what|which) ${PERSON_HEAD}\\b|\\bwhich (?:[a-z'-]+ ){1,2}${PERSON_HEAD}\\b|\\bwhat (?:is|was|were|are) the (?:(?:last|first|full|family|maiden|real|birth|company's|group's) )?names? of\\b`);
const PLACE_Q = /\bwhere\b|\b(?:what|which) (?:city|cities|country|countries|state|place|region|continent|town|island|river|province|county|nation|area|location|capital)\b/;
const CAUSE_Q = /\bwhy\b|\bwhat (?:caused|causes|led to|prompted|is the reason|was the reason|were the reasons)\b|\bfor what reason\b|\bhow come\b/;

const WH_WORD = /\b(?:what|which|who|whom|whose|when|where|why|how)\b/;
/** In the order a tie goes: "how long ago" is a time before it is an amount. */
const TYPED: ReadonlyArray<[AnswerType, RegExp]> = [
  ['time', TIME_Q],
  ['number', NUMBER_Q],
  ['cause', CAUSE_Q],
  ['person', PERSON_Q],
  ['place', PLACE_Q],
];

/**
 * The type the question's own wh-phrase asks for: the first wh-word decides, so a clause after
 * it does not ("How old was she when …" asks for a number, "What does someone who completes …"
 * for neither a person nor a time). A phrase may open a little before its wh-word ("in what
 * year", "for what reason").
 */
export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  const wh = WH_WORD.exec(q)?.index ?? q.length;
  let best: AnswerType = 'other';
  let at = Infinity;
  for (const [type, re] of TYPED) {
    const m = re.exec(q);
    if (m && m.index <= wh && m.index < at) {
      best = type;
      at = m.index;
    }
  }
  return best;
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const TIME = new RegExp(`\\b(?:1[0-9]{3}|20[0-9]{2})s?\\b|\\b${MONTH}\\s+\\d|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:century|${MONTH})|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\\b`);
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|percent)\b/i;
const PLACE = /\b(?:in|at|from|near|to)\s+(?:the\s+)?[A-Z][a-z]+/;
const CAUSE = /\b(?:because|due to|owing to|as a result|result of|caused by|in order to|so that|since|after|following|thanks to|in response to)\b/i;

/** Names in the text that the question itself does not contain. */
function newNames(text: string, question: string): number {
  const q = question.toLowerCase();
  let n = 0;
  for (const m of text.matchAll(/(?<=\S\s+)[A-Z][\p{L}'’.-]+(?:\s+[A-Z][\p{L}'’.-]+)*/gu)) {
    // The match may end with a full stop or apostrophe ("… by Anna Weiss."); the name does not.
    if (!q.includes(m[0].replace(/[.'’-]+$/, '').toLowerCase())) n++;
  }
  return n;
}

/**
 * Whether a text holds the kind of thing the question asks for (0 or 1). A cheap first-pass
 * cue over many passages; the answer candidates (candidates.ts) are the precise version.
 */
export function hasAnswerType(type: AnswerType, text: string, question: string): number {
  switch (type) {
    case 'time':
      return TIME.test(text) ? 1 : 0;
    case 'number':
      return NUMBER.test(text) ? 1 : 0;
    case 'person':
      return newNames(text, question) > 0 ? 1 : 0;
    case 'place':
      return PLACE.test(text) ? 1 : 0;
    case 'cause':
      return CAUSE.test(text) ? 1 : 0;
    case 'other':
      return 0;
  }
}
