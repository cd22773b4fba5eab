// The form of a speaker's name or role a user is shown: the attribution's phrase without the
// markup and the glued-on words the phrase reader let through. Reuters wraps company names in angle
// brackets and follows them with a ticker ("Tarrow Shipping Co Ltd <TSC.S>", "<Vellani SpA>"); a
// dateline may run into a subject ("March 9 - The Harlan Co Plc"); "said an analyst quoted by the
// paper" leaves the participle on ("an analyst quoted"); "The Conseil Rural (CRT)" leaves "(CRT".

const DATELINE = /^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}\s+[-–—]\s+/u;
/** A ticker after a name: no space inside the brackets, at most a dozen characters. */
const TICKER = /\s*<[^<>\s]{1,12}>/gu;
const WRAPPED = /<([^<>]+)>/gu;
const STRAY = /[<>]/gu;
const GLUED_PARTICIPLE = /\s+(?:quoted|cited)$/u;
const SPACES = /\s{2,}/gu;

/** The shown form of an attributed name or role; the phrase itself when nothing is left of it. */
export function shownForm(name: string): string {
  if (!/[<>(\-–—)]|quoted$|cited$/u.test(name)) return name;
  let s = name.replace(DATELINE, '');
  // "March 3 - The Harlan Co Plc" names the company; "March 3 - The chairman of …" describes.
  if (s !== name) s = s.replace(/^The\s+(?=\p{Lu})/u, '').replace(/^The\s/u, 'the ');
  // "<BA>" alone is the name; after a name it is a ticker.
  const whole = /^<([^<>]+)>$/u.exec(s.trim());
  if (whole?.[1]) s = whole[1];
  else s = s.replace(TICKER, (m, offset: number) => (offset === 0 ? m : '')).replace(WRAPPED, '$1');
  s = s.replace(STRAY, '').replace(GLUED_PARTICIPLE, '');
  // An unbalanced bracket at either end: "(CRT" is "CRT".
  if (s.startsWith('(') && !s.includes(')')) s = s.slice(1);
  if (s.endsWith(')') && !s.includes('(')) s = s.slice(0, -1);
  s = s.replace(SPACES, ' ').trim();
  return s.length > 0 ? s : name;
}
