import sbd from 'sbd';

export interface Sentence {
  text: string;
  /** Offsets in the text that was split. */
  start: number;
  end: number;
}

// sbd ends a sentence after "U.S." whenever a capital follows. In news that capital is often
// a name ("U.S. Senate", "U.S. Treasury Secretary") but just as often a new sentence ("…in the
// U.S. Sales fell"). Keep them together only for a known institution or a run of capitalised
// words (a title or a name), never for a word that commonly starts a sentence.
const COUNTRY_ABBR = /\b(?:U\.S|U\.K|U\.N|E\.U)\.$/;
const STARTERS = new Set(['The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'This', 'That', 'There', 'Its', 'His', 'Her', 'Their', 'However', 'Meanwhile', 'Officials', 'If', 'When', 'As', 'At', 'For']);
const INSTITUTIONS = new Set([
  'Senate', 'House', 'Congress', 'Treasury', 'Army', 'Navy', 'Marines', 'Embassy', 'Government', 'Administration',
  'Department', 'Court', 'Open', 'Steel', 'Dollar', 'Dollars', 'Bonds', 'Forces', 'Troops', 'Officials', 'Military',
  'Agency', 'Agriculture', 'Commerce', 'Justice', 'Defense', 'Defence', 'Attorney', 'Ambassador', 'Envoy',
  'Security', 'Council', 'General', 'Assembly', 'Parliament', 'Airways', 'Air', 'Coast', 'Postal', 'Customs', 'Census',
]);
const CAPITALISED = /^["“‘']?\p{Lu}/u;

const SBD_OPTIONS = { newline_boundaries: true, preserve_whitespace: true } as const;

/**
 * Splits text into sentences with offsets; survives "Mr.", "Dr.", "U.S.", "Jan. 10",
 * decimals, initials and quotes that end a sentence (`… shameful.”`).
 */
export function splitSentences(text: string): Sentence[] {
  if (!text.trim()) return [];
  const out: Sentence[] = [];
  for (const s of resplit(text, sbdPieces(text))) {
    const prev = out[out.length - 1];
    if (prev && joinsPrevious(prev.text, s.text)) {
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

/**
 * sbd's pieces, located in `text`. sbd may change white space inside a piece, so a piece is
 * found by matching its other characters one by one; anything it cannot place is skipped
 * rather than given wrong offsets.
 */
function sbdPieces(text: string): Sentence[] {
  const out: Sentence[] = [];
  let cursor = 0;
  for (const piece of sbd.sentences(text, SBD_OPTIONS)) {
    const chars = piece.replace(/\s+/g, '');
    if (!chars) continue;
    let i = cursor;
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    const start = i;
    let k = 0;
    while (i < text.length && k < chars.length) {
      const c = text.charAt(i);
      if (/\s/.test(c)) i++;
      else if (c === chars.charAt(k)) {
        i++;
        k++;
      } else break;
    }
    if (k < chars.length) continue;
    out.push({ text: text.slice(start, i), start, end: i });
    cursor = i;
  }
  // Whatever sbd dropped at the end still belongs to the last sentence.
  const rest = text.slice(cursor).trim();
  if (rest) {
    const last = out[out.length - 1];
    const end = cursor + text.slice(cursor).trimEnd().length;
    if (last) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      const start = text.length - text.trimStart().length;
      out.push({ text: text.slice(start, end), start, end });
    }
  }
  return out;
}

// Boundaries sbd misses: a closing single quote ("… 'a disgrace.' The minister …") and a
// lower-case "no." that is the word, not the abbreviation of "number" ("said no. Jones …").
const MISSED = /(?:[.!?]['’]|\bno[.!?])\s+(?=["“‘']?\p{Lu}\p{Ll})/gu;

function resplit(text: string, pieces: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const p of pieces) {
    let start = p.start;
    for (const m of p.text.matchAll(MISSED)) {
      const cut = p.start + m.index + m[0].trimEnd().length;
      // A closing single quote needs an opening one before it in the same sentence.
      if (/['’]$/.test(m[0].trimEnd()) && !/(?:^|[\s(“"])['‘]\S/.test(text.slice(start, cut - 1))) continue;
      out.push({ text: text.slice(start, cut), start, end: cut });
      start = p.start + m.index + m[0].length;
    }
    out.push({ text: text.slice(start, p.end), start, end: p.end });
  }
  return out;
}

function joinsPrevious(prev: string, next: string): boolean {
  // Initials on their own ("J.K.") are the start of a name, not a sentence.
  if (/^(?:\p{Lu}\.){1,3}$/u.test(prev)) return true;
  // A sentence does not start in lower case ("“… shameful.” he added"), unless it is a
  // brand like "iPhone".
  if (/^\p{Ll}/u.test(next) && !/^\p{Ll}+\p{Lu}/u.test(next)) return true;
  if (!COUNTRY_ABBR.test(prev)) return false;
  const [first = '', second = ''] = next.split(/\s+/, 2);
  if (!CAPITALISED.test(first) || STARTERS.has(first)) return false;
  return INSTITUTIONS.has(first.replace(/[^\p{L}]/gu, '')) || CAPITALISED.test(second);
}
