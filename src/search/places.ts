/**
 * Place names every news archive uses: countries, continents, regions, oceans and US states, and
 * the words that make a capitalised run a place ("River", "Island"). Evidence for the span
 * model, not a rule: a *where* answer is usually one, a *who* answer usually not, and the
 * weights learn how much that says on each type.
 */
const PLACES = new Set(
  `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain bangladesh barbados
  belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burma burundi cambodia cameroon canada
  chad chile china colombia comoros congo croatia cuba cyprus czechoslovakia czech denmark djibouti dominica ecuador egypt
  eritrea estonia ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti
  honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya kiribati korea
  kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein lithuania luxembourg macedonia madagascar malawi
  malaysia maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique
  myanmar namibia nauru nepal netherlands holland nicaragua niger nigeria norway oman pakistan palau palestine panama paraguay peru
  philippines poland portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia somalia spain
  sudan suriname swaziland sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey
  turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu vatican venezuela vietnam yemen yugoslavia zaire zambia zimbabwe
  britain england scotland wales ulster prussia persia ottoman byzantium mesopotamia anatolia scandinavia siberia tibet manchuria
  africa america americas asia europe oceania antarctica arctic antarctic eurasia balkans caribbean caucasus levant maghreb sahara
  mediterranean atlantic pacific baltic adriatic aegean
  alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois indiana iowa kansas
  kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma
  oregon pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
  london paris berlin rome moscow tokyo beijing washington york chicago boston madrid vienna brussels geneva zurich amsterdam
  hong kong shanghai sydney toronto montreal dublin edinburgh cairo delhi mumbai bombay calcutta istanbul constantinople jerusalem
  athens lisbon warsaw prague budapest stockholm oslo copenhagen helsinki seoul manila jakarta bangkok singapore tehran baghdad`.split(/\s+/),
);

/** Two-word places, written joined by a space. */
const PLACE_PAIRS = new Set(
  `united states|united kingdom|soviet union|new zealand|south africa|saudi arabia|new york|new jersey|new mexico|new hampshire|north carolina|south carolina|north dakota|south dakota|west virginia|rhode island|sri lanka|costa rica|el salvador|puerto rico|north korea|south korea|east germany|west germany|latin america|north america|south america|central america|middle east|far east|hong kong|los angeles|san francisco|new delhi|rio de|buenos aires|ivory coast|czech republic|dominican republic|united arab|great britain|northern ireland`.split(
    '|',
  ),
);

/** Capitalised words that make a run a place: "the Rhine River", "Lake Constance", "Dade County". */
const PLACE_WORDS = new Set(
  `river lake sea ocean bay gulf island islands isle peninsula mountain mountains mount mt valley coast desert forest strait channel
  canal city town village county province state region district territory republic kingdom empire street avenue square port harbour
  harbor airport park basin delta plain plains highlands cape falls glacier`.split(/\s+/),
);

const fold = (w: string): string => w.toLowerCase().replace(/[^\p{L}]/gu, '');

/** Whether a word of the run is a known place ("Normandy" is not; "England", "Europe" are). */
export function namesKnownPlace(words: readonly string[]): boolean {
  return words.some((w, i) => /^\p{Lu}/u.test(w) && (PLACES.has(fold(w)) || PLACE_PAIRS.has(`${fold(w)} ${fold(words[i + 1] ?? '')}`)));
}

/** Whether a capitalised word of the run is a geographic noun ("River", "Island", "County"). */
export function hasPlaceWord(words: readonly string[]): boolean {
  return words.some((w) => /^\p{Lu}/u.test(w) && PLACE_WORDS.has(fold(w)));
}
