/**
 * News furniture: the parts of a page that are not the report. Web copy flattened into an
 * archive keeps bylines, time stamps, captions and readers' comments beside the story; a
 * summary must never offer them as sentences.
 */

// Flattened web copy marks each former line break with " . ": "By . Jill Reilly . PUBLISHED:
// . 08:06 EST, 5 November 2012 . | . UPDATED: . 09:14 EST, 5 November 2012 . The Queen …".
const STAMP = String.raw`\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+(?:EST|EDT|GMT|BST|CET|ET|PT|UTC))?,?\s+(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?),?\s+\d{4}`;
const HEAD_PIECES: RegExp[] = [
  /^By\s+\.\s+(?:[^.]{1,80}?\s+\.\s+)?(?=\S)/u,
  new RegExp(String.raw`^(?:PUBLISHED|UPDATED|Published|Updated|Last updated)(?:\s+at)?:?\s*\.?\s*${STAMP}\s*\.?\s*(?:\|\s*\.?\s*)?`, 'u'),
  new RegExp(String.raw`^Last updated at\s+${STAMP}\s*\.?\s*`, 'u'),
  // "Canberra, Australia (CNN) -- At first glance …": the dateline, not the sentence.
  /^(?:[\p{Lu}][\p{L} ,.'’-]{0,60}?\s)?\((?:CNN|AP|Reuters|AFP)\)\s*(?:--|–|—|-)\s*/u,
];
// A former line break in the middle of a sentence: "a woman who . claims", "Cassell and .
// Edwards said".
const MID_BREAK = /(\S)\s+\.\s+(?=\p{Ll})|\b(and|or|but|the|a|an|of|to|in|on|at|for|with|by|from|as|who|that|which|his|her|their|its|was|were|is|are|said|told)\s+\.\s+(?=\S)/gu;

/** The paragraph without web furniture at its start and without line-break dots inside sentences. */
export function cleanParagraph(text: string): string {
  let out = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const re of HEAD_PIECES) {
      const m = re.exec(out);
      if (m && m[0].length > 0 && m[0].length < out.length) {
        out = out.slice(m[0].length);
        changed = true;
      }
    }
  }
  if (!out.includes(' . ')) return out;
  return out.replace(MID_BREAK, (_all, a: string | undefined, b: string | undefined) => `${a ?? b ?? ''} `);
}

// A caption flattened into the text ends "… at Anfield ." (a space before the dot); so does
// a promotional line ("Scroll down for video .").
const SPACED_STOP = /\s\.$/;
const PICTURED = /\((?:pictured|picture|above|below|left|right|centre|center|top|bottom|inset|file photo)(?:\s+(?:left|right|centre|center|top|bottom))?\)/i;
const LINK_LINE = /^(?:opinion|watch|video|read more|related|more|see also|click here|listen|gallery|audio|poll|quiz|interactive|have your say|your comments|send us your (?:comments|views|pictures))\s*[:\-–—]/i;

/** True when a sentence is a caption, a link line or a promotional line rather than report. */
export function isFurnitureSentence(text: string): boolean {
  return SPACED_STOP.test(text) || PICTURED.test(text) || LINK_LINE.test(text) || isTableLine(text);
}

/**
 * A labelled list or score line ("Subs: Wright, Pistone, Weir, Plessis.", "Goals: Rooney 68,
 * Dunne 75 og.", "Att: 47,111 Ref: S Bennett"): a label, then names and numbers, either as a
 * list of short items or without a single lower-case word of prose.
 */
export function isTableLine(text: string): boolean {
  if (!opensOnLabel(text)) return false;
  const rest = text.slice(text.indexOf(':') + 1);
  const items = rest.split(/[,;]\s*/).filter((x) => x.trim());
  const short = items.filter((x) => (x.match(/\S+/g)?.length ?? 0) <= 5).length;
  return (items.length >= 4 && short >= items.length * 0.8) || !/\b\p{Ll}{4,}/u.test(rest);
}

// A DailyMail caption opens on a label of a word or two and a colon ("Butting heads: Nigerian
// pop star …", "Retread: David Cameron with Samantha yesterday."); a speaker's colon names who
// speaks ("He said:", "Mr Smith:"), so a label holding a reporting verb, a pronoun or a title
// is not one.
const LABEL = /^([\p{Lu}][\p{L}'’-]*(?:\s+[\p{L}'’-]+)?):\s+["“‘']?[\p{Lu}\p{N}]/u;
const NOT_LABEL = /\b(?:said|says|say|added|adds|told|tells|asked|wrote|writes|replied|replies|explained|continued|concluded|insisted|warned|argued|stated|announced|he|she|they|we|i|you|it|mr|mrs|ms|miss|dr|sir|lord|lady|prof|q|a)\b/i;

/**
 * True when a sentence opens on a caption's label. Prose opens that way too ("Star Trek:
 * Enterprise began in 2001"), so this counts only in an article that carries captions
 * already (see isFurnitureSentence).
 */
export function opensOnLabel(text: string): boolean {
  const m = LABEL.exec(text);
  return m !== null && !NOT_LABEL.test(m[1] ?? '');
}

// Where a comment section says it starts.
const COMMENTS_HEADING = /^(?:have your say|your comments|readers'? comments|comments|send us your (?:comments|views)|the following comments|here is a selection of your comments|what do you think|tell us what you think|post a comment)\b/i;
const LINKS_HEADING = /^(?:related (?:stories|links|internet links|articles)|more on this story|see also|also in the news|top stories|most popular)\b/i;
const FIRST_PERSON = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|myself|we|we're|we’re|us|our|ours)\b/;
const REPORTING = /\b(?:said|says|told|tells|according to|announced|reported|added|adds|stated|warned|explained|insisted|argued|admitted|claimed|believes|asked)\b/i;
// Quoted words: everything from the first quote mark to the last (news runs one speaker's
// quotation over several marks and paragraphs).
const QUOTED = /["“”][\s\S]*["“”]|["“”][\s\S]*$/;

/**
 * The 0-based index of the first paragraph that belongs to readers' comments or a list of
 * links, or `paragraphs.length` when there is none. Comments come last on a news page and
 * read differently from the report: first person, no attribution. A run of at least two
 * such paragraphs reaching the end of the article is taken as the comment section (a
 * report's own closing paragraph quotes or attributes; a reader does not).
 */
export function reportEnd(paragraphs: readonly string[], first = 0): number {
  for (let i = first; i < paragraphs.length; i++) {
    const p = paragraphs[i] ?? '';
    if (p.length < 200 && (COMMENTS_HEADING.test(p) || LINKS_HEADING.test(p))) return i;
  }
  let start = paragraphs.length;
  let voiced = 0;
  let reached = false;
  for (let i = paragraphs.length - 1; i > first + 1; i--) {
    const own = (paragraphs[i] ?? '').replace(QUOTED, ' ');
    if (REPORTING.test(own) && !FIRST_PERSON.test(own)) {
      reached = true;
      break;
    }
    // A paragraph that opens with a quote mark is a speaker's, not a reader's.
    if (!/^["“]/.test(paragraphs[i] ?? '') && (FIRST_PERSON.test(own) || /!/.test(own)) && !REPORTING.test(own)) {
      voiced++;
      start = i;
    } else if (voiced === 0) {
      // A closing paragraph with neither voice nor attribution: still the report.
      break;
    }
  }
  const run = paragraphs.length - start;
  // A column in the first person all through has no report to return to: not comments.
  return reached && voiced >= 2 && voiced * 2 >= run ? start : paragraphs.length;
}
