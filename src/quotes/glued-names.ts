import { isPlaceName } from '../search/places.js';
import { personSuffix } from './first-names.js';
import { bare } from './names.js';

// A glued word is six letters or more: shorter ones are family names written first as often ("Jiang Feng Xiang").
const MIN_GLUED = 6;
// Non-organisation nouns that end a place's or a building's name ("Victoria Station", "Grace Hall"):
// a known first name before one begins the place's name, not a person's.
const FACILITY = new Set('station airport terminal hall stadium arena theatre theater tower castle palace cathedral abbey gardens prison cross gate pier dock wharf quay lane close crescent terrace'.split(' '));

/**
 * How many capitalised words glued before a person's name in a run of three or more ("Defiant Jo
 * Bloggs says", "… for Antitrust Jo Bloggs", "Judges Jo Bloggs") are no part of it, or 0: the name
 * left is a known first name and one or two more words. A run of first names ("Mary Ann Hale")
 * stays whole, and so do a place before the name, a building's name ("Leeds Victoria Station"), an
 * initial and a word of five letters or fewer (a family name written first: "Lim Keng Yaik").
 */
export function gluedBeforeName(name: readonly string[]): number {
  if (name.length < 3) return 0;
  const k = personSuffix(name);
  if (k <= 0) return 0;
  if (FACILITY.has(bare(name[name.length - 1] ?? '').toLowerCase())) return 0;
  for (let i = 0; i < k; i++) {
    const w = name[i] ?? '';
    // An initial ("C. Jo Bloggs") or a short word ("Lim Keng Yaik": a family name written first) is the name's own.
    if (bare(w).replace(/\.$/u, '').length < MIN_GLUED || isPlaceName([w])) return 0;
  }
  return k;
}
