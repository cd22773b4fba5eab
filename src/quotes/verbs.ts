// Verbs that introduce speech ("said", "told", "wrote", "according to"), in every form news uses.

import { isAsciiLetter } from './chars.js';

const REGULAR = `add admit acknowledge agree allege announce argue assert boast caution chant claim complain concede conclude confirm
  continue contend crow declare demand echo emphasize emphasise exclaim explain insist joke laugh lament maintain mention mutter muse
  observe plead predict promise recall recount reiterate remark remind repeat respond retort reveal scoff scold scream shout sigh
  stress stutter suggest tweet urge warn whisper wonder yell blurt proclaim pledge vow interject elaborate affirm concur recollect
  quote rave gush grumble fume sneer joke chime opine posit gripe holler bellow marvel reflect rant protest recommend advise
  acknowledge caution muse`.split(/\s+/);

// Forms of verbs whose bare form is too often a noun ("state", "report", "comment").
const EXTRA = `said says say saying told tells tell telling wrote writes write writing written spoke speaks speaking replied replies
  replying testified testifies testifying cried cries denied denies quipped quips quipping admitted admits admitting snapped snaps
  noted notes noting stated states stating reported reporting commented comments commenting answered answers answering asked asks
  asking questioned countered counters offered posted posting charged charges responded responds responding described describes
  cautioned cautions replied griped griping asserted conceded wondered wonders added adds adding explained explains explaining
  called calls calling`.split(/\s+/);

function forms(base: string): string[] {
  const out = [base];
  if (base.endsWith('e')) out.push(`${base}s`, `${base}d`, `${base.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(base)) out.push(`${base.slice(0, -1)}ies`, `${base.slice(0, -1)}ied`, `${base}ing`);
  else if (/(?:sh|ch|s|x|z|o)$/.test(base)) out.push(`${base}es`, `${base}ed`, `${base}ing`);
  else out.push(`${base}s`, `${base}ed`, `${base}ing`);
  return out;
}

export const SPEECH_VERBS: ReadonlySet<string> = new Set([...REGULAR.flatMap(forms), ...EXTRA].filter((w) => w.length > 0));

// A walk over the words and a set lookup: several times faster than one regular expression with
// hundreds of alternatives, and this runs around every quote of the corpus. A word is what
// /[A-Za-z][a-z]*(?:-[a-z]+)*/ matches.
/** Only the start of the text or of a sentence may hold a capitalised verb ("Said one analyst, …"). */
const SENTENCE_START = /(?:^|[.!?"”]\s*)\s*$/u;

export interface VerbHit {
  word: string;
  start: number;
  end: number;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;

// Words the scan must read (speech verbs and the words of "according to", "points out"), keyed by
// length, first and last letter: every other word is passed over without making a string of it.
const MAX_KEY_LENGTH = 31;
const keyOf = (length: number, first: number, last: number): number => (length * 26 + ((first | 32) - 97)) * 26 + ((last | 32) - 97);
const READ = ((): Uint8Array => {
  const keys = new Uint8Array((MAX_KEY_LENGTH + 1) * 26 * 26);
  for (const w of [...SPEECH_VERBS, 'according', 'to', 'out', 'point', 'points', 'pointed']) {
    if (w.length > MAX_KEY_LENGTH || !/^[a-z](?:[a-z-]*[a-z])?$/.test(w)) throw new Error(`speech verb "${w}" is no plain lower-case word`);
    keys[keyOf(w.length, w.charCodeAt(0), w.charCodeAt(w.length - 1))] = 1;
  }
  return keys;
})();

/**
 * Calls `hit` for each speech verb of `text` in order until it returns true. A plain character
 * loop (no regular expression match objects, no string for a word that cannot be a verb): this
 * runs around every quote of an archive.
 */
function scanVerbs(text: string, hit: (v: VerbHit) => boolean): void {
  // The word before, when it matters ("according", "point…"); "" otherwise.
  let prev = '';
  let prevStart = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (!isAsciiLetter(c0)) {
      i++;
      continue;
    }
    const at = i++;
    while (i < n && isLower(text.charCodeAt(i))) i++;
    while (i + 1 < n && text.charCodeAt(i) === 45 && isLower(text.charCodeAt(i + 1))) {
      i += 2;
      while (i < n && isLower(text.charCodeAt(i))) i++;
    }
    const length = i - at;
    const read = length <= MAX_KEY_LENGTH && READ[keyOf(length, c0, text.charCodeAt(i - 1))] === 1;
    const upper = c0 <= 90;
    let w = '';
    if (upper) {
      const lower = read ? text.slice(at, i).toLowerCase() : '';
      if (!read || !SPEECH_VERBS.has(lower) || !SENTENCE_START.test(text.slice(Math.max(0, at - 3), at))) {
        prev = '';
        continue;
      }
      w = lower;
    } else if (read) w = text.slice(at, i);
    const before = at > 0 ? text.charCodeAt(at - 1) : 32;
    // A word that continues a capitalised one or a name ("O'Neill", "Said" inside "Al-Said") is no verb.
    const glued = (before >= 65 && before <= 90) || before === 39 || before === 0x2019;
    if (!glued && read) {
      let v: VerbHit | null = null;
      if (w === 'to' && prev === 'according') v = { word: 'according to', start: prevStart, end: at + 2 };
      else if (w === 'out' && (prev === 'points' || prev === 'point' || prev === 'pointed')) v = { word: `${prev} out`, start: prevStart, end: at + 3 };
      else if (SPEECH_VERBS.has(w)) v = { word: w, start: at, end: at + w.length };
      if (v && hit(v)) return;
    }
    prev = glued ? '' : w;
    prevStart = at;
  }
}

/** The first (`tail`) or last (`pre`) speech verb in `text`, lower-case words only. */
export function findVerb(text: string, which: 'tail' | 'pre'): VerbHit | null {
  if (!text) return null;
  let found: VerbHit | null = null;
  scanVerbs(text, (v) => {
    found = v;
    return which === 'tail';
  });
  return found;
}

export function allVerbs(text: string): VerbHit[] {
  const out: VerbHit[] = [];
  scanVerbs(text, (v) => {
    out.push(v);
    return false;
  });
  return out;
}

export const hasSpeechVerb = (text: string): boolean => findVerb(text, 'tail') !== null;
