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
    // With newline_boundaries, sbd collapses runs of spaces, so a piece may not occur verbatim.
    const span = locate(text, piece, cursor);
    if (!span) continue;
    cursor = span[1];
    const s: Sentence = { text: text.slice(span[0], span[1]), start: span[0], end: span[1] };
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
  // Whatever sbd dropped at the very end still belongs to the last sentence.
  const rest = text.slice(cursor).trimEnd();
  const last = out[out.length - 1];
  if (rest.trim()) {
    if (last) {
      last.end = cursor + rest.length;
      last.text = text.slice(last.start, last.end);
    } else {
      const start = cursor + (rest.length - rest.trimStart().length);
      out.push({ text: text.slice(start, cursor + rest.length), start, end: cursor + rest.length });
    }
  }
  return out;
}

const SPACE = /\s/;

/**
 * Where `piece` is in `text` from `from` on. sbd collapses runs of spaces and may drop a
 * character (the dot of "example.com"), so its non-space characters are matched in order,
 * skipping what it dropped; the span starts at the first non-space character after `from`.
 */
function locate(text: string, piece: string, from: number): [number, number] | null {
  const chars = piece.replace(/\s+/g, '');
  if (!chars) return null;
  let i = from;
  let k = 0;
  while (k < chars.length && i < text.length) {
    if (text[i] === chars[k]) k++;
    i++;
  }
  if (k < chars.length) return null;
  let start = from;
  while (start < i && SPACE.test(text[start] ?? '')) start++;
  return [start, i];
}
