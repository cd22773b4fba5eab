import { isPlaceName } from '../search/places.js';
import { isFirstName, personSuffix } from './first-names.js';
import { NAME_FLAG, bare, foldName, isCapWord, isDemonym, nameFlags } from './names.js';

// A glued word is six letters or more: shorter ones are family names written first as often ("Tan Wei Ling").
const MIN_GLUED = 6;
// Non-organisation nouns that end a place's or a building's name ("Victoria Station", "Grace Hall"):
// a known first name before one begins the place's name, not a person's.
const FACILITY = new Set('station airport terminal hall stadium arena theatre theater tower castle palace cathedral abbey gardens prison cross gate pier dock wharf quay lane close crescent terrace'.split(' '));

/**
 * How many capitalised words glued before a person's name in a run of three or more ("Defiant Jo
 * Bloggs says", "… for Antitrust Jo Bloggs", "Judges Jo Bloggs") are no part of it, or 0: the name
 * left is a known first name and one or two more words. A run of first names ("Mary Ann Hale")
 * stays whole, and so do a place before the name, a building's name ("Leeds Victoria Station"), an
 * initial and a word of five letters or fewer (a family name written first: "Tan Wei Ling"), and a
 * nationality after the cut ("Allied Irish Banks").
 */
export function gluedBeforeName(name: readonly string[]): number {
  if (name.length < 3) return 0;
  const k = personSuffix(name);
  if (k <= 0) return 0;
  if (FACILITY.has(bare(name[name.length - 1] ?? '').toLowerCase())) return 0;
  // A nationality after the cut opens an organisation's or a country's name the scan took for a person
  // ("United Arab Emirates", "Allied Irish Banks"): cutting would show a scrap of it ("Irish Banks").
  if (isDemonym(name[k] ?? '')) return 0;
  for (let i = 0; i < k; i++) {
    const w = name[i] ?? '';
    // An initial ("C. Jo Bloggs") or a short word ("Tan Wei Ling": a family name written first) is the name's own.
    if (bare(w).replace(/\.$/u, '').length < MIN_GLUED || isPlaceName([w])) return 0;
  }
  return k;
}

// Letters after a name for a seat or an honour ("Jo Bloggs MSP", "Jo Bloggs QC"): no part of the name.
const POST_NOMINAL = /^(?:MP|MSP|MEP|MLA|MPP|QC|KC|OBE|MBE|CBE)$/u;
/**
 * The run without a post-nominal closing a person's full name ("Jo Bloggs MSP" → "Jo Bloggs"), else
 * the run itself. The name must open with a known first name: before the letters a party or a seat
 * is as often written ("the Sinn Fein MP", "a Scottish Tory MSP", "the Glasgow Kelvin MSP"), and
 * then the letters are the noun of a description, no person's name.
 */
export function withoutPostNominal<T extends readonly string[]>(run: T): T {
  const n = run.length;
  if (n < 3 || !POST_NOMINAL.test(bare(run[n - 1] ?? ''))) return run;
  for (const w of [run[n - 2] ?? '', run[n - 3] ?? '']) if (!isCapWord(w) || (nameFlags(w) & (NAME_FLAG.TITLE | NAME_FLAG.ORG | NAME_FLAG.ACRONYM)) !== 0) return run;
  if (!isFirstName(foldName(bare(run[n - 3] ?? '')))) return run;
  return run.slice(0, -1) as unknown as T;
}
