/** What kind of thing a question asks for; used as a cue for passages and answer sentences. */
export type AnswerType = 'time' | 'number' | 'person' | 'place' | 'other';

export function answerType(question: string): AnswerType {
  const q = question.toLowerCase();
  if (/\b(when|what year|which year|what date|what day|what month|what time|what century|what decade|how long ago|since when)\b/.test(q)) return 'time';
  if (/\bhow (many|much|long|far|old|big|large|often|tall|high|fast)\b|\bwhat (percentage|percent|proportion|number|amount|size)\b/.test(q)) return 'number';
  if (/\b(who|whom|whose)\b/.test(q)) return 'person';
  if (/\bwhere\b|\bwhat (city|country|state|place|region|continent)\b|\bin which (city|country|state)\b/.test(q)) return 'place';
  return 'other';
}

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
const TIME = new RegExp(`\\b(?:1[0-9]{3}|20[0-9]{2})s?\\b|\\b${MONTH}\\s+\\d|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:century|${MONTH})|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tomorrow)\\b`);
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|half|percent)\b/i;
const PLACE = /\b(?:in|at|from|near|to)\s+(?:the\s+)?[A-Z][a-z]+/;

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

/** Whether a text holds the kind of thing the question asks for (0 or 1). */
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
    case 'other':
      return 0;
  }
}
