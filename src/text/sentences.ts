import sbd from 'sbd';

export interface Sentence {
  text: string;
  /** Offsets in the text that was split. */
  start: number;
  end: number;
}

// sbd ends a sentence after "U.S." when a capital follows; in news that capital is usually
// a name ("U.S. Senate", "U.S. Treasury Secretary"). A sentence starter word is the exception.
const COUNTRY_ABBR = /\b(?:U\.S|U\.K|U\.N|E\.U)\.$/;
const STARTERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'This', 'That', 'There', 'Its', 'His', 'Her', 'Their', 'However', 'Meanwhile', 'Officials', 'If', 'When', 'As', 'At', 'For']);

const SBD_OPTIONS = { newline_boundaries: true, preserve_whitespace: true } as const;

/** Splits text into sentences with offsets; survives "Mr.", "Jan. 10", decimals and closing quotes. */
export function splitSentences(text: string): Sentence[] {
  if (!text.trim()) return [];
  const pieces = sbd.sentences(text, SBD_OPTIONS);
  const out: Sentence[] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, cursor);
    const start = at >= 0 ? at : cursor;
    cursor = start + piece.length;
    const lead = piece.length - piece.trimStart().length;
    const s: Sentence = { text: piece.trim(), start: start + lead, end: start + lead + piece.trim().length };
    if (!s.text) continue;
    const prev = out[out.length - 1];
    const firstWord = /^\S+/.exec(s.text)?.[0] ?? '';
    if (prev && COUNTRY_ABBR.test(prev.text) && /^[A-Z]/.test(firstWord) && !STARTERS.has(firstWord)) {
      prev.end = s.end;
      prev.text = text.slice(prev.start, prev.end);
      continue;
    }
    // A closing quote or bracket after a space ("day. ”") belongs to the sentence before it.
    const stray = prev ? /^[”"’')\]]+(?=\s|$)/.exec(s.text) : null;
    if (prev && stray) {
      prev.end = s.start + stray[0].length;
      prev.text = text.slice(prev.start, prev.end);
      const rest = s.text.slice(stray[0].length);
      if (!rest.trim()) continue;
      s.start = s.end - rest.trimStart().length;
      s.text = text.slice(s.start, s.end);
    }
    out.push(s);
  }
  return out;
}
