// Verbs that introduce speech ("said", "told", "wrote", "according to"), in every form news uses.

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
  else if (/(?:sh|ch|s|x|z)$/.test(base)) out.push(`${base}es`, `${base}ed`, `${base}ing`);
  else out.push(`${base}s`, `${base}ed`, `${base}ing`);
  return out;
}

export const SPEECH_VERBS: ReadonlySet<string> = new Set([...REGULAR.flatMap(forms), ...EXTRA].filter((w) => w.length > 0));

// Words that are forms of a speech verb but here begin something else ("call" as in "call for").
const VERB_RE = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:according to|points? out|pointed out|(?:${[...SPEECH_VERBS].sort((a, b) => b.length - a.length).join('|')}))(?![\\p{L}\\p{N}-])`, 'gu');

export interface VerbHit {
  word: string;
  start: number;
  end: number;
}

/** The first (`tail`) or last (`pre`) speech verb in `text`, lower-case words only. */
export function findVerb(text: string, which: 'tail' | 'pre'): VerbHit | null {
  if (!text) return null;
  let hit: VerbHit | null = null;
  for (const m of text.matchAll(VERB_RE)) {
    hit = { word: m[0], start: m.index, end: m.index + m[0].length };
    if (which === 'tail') return hit;
  }
  return hit;
}

export function allVerbs(text: string): VerbHit[] {
  const out: VerbHit[] = [];
  for (const m of text.matchAll(VERB_RE)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

export const hasSpeechVerb = (text: string): boolean => findVerb(text, 'tail') !== null;
