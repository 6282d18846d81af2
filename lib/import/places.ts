import { isUpper, words } from './text';

/**
 * Countries as bulletins name them (with their usual variants), and where a meeting took place:
 * "held in Bali, Indonesia", "in Turin, Italy, on", "in London on 11 March", "met in Bangkok".
 */

const COUNTRY_NAMES =
  `Afghanistan;Albania;Algeria;Andorra;Angola;Argentina;Armenia;Australia;Austria;Azerbaijan;Bahamas;Bahrain;Bangladesh;Barbados;Belarus;Belgium;Belize;Benin;Bhutan;Bolivia;Bosnia and Herzegovina;Botswana;Brazil;Brunei;Bulgaria;Burkina Faso;Burundi;Cambodia;Cameroon;Canada;Cape Verde;Central African Republic;Chad;Chile;China;Colombia;Comoros;Congo;Costa Rica;Côte d'Ivoire;Croatia;Cuba;Cyprus;Czech Republic;Denmark;Djibouti;Dominica;Dominican Republic;East Timor;Ecuador;Egypt;El Salvador;Equatorial Guinea;Eritrea;Estonia;Ethiopia;Fiji;Finland;France;Gabon;Gambia;Georgia;Germany;Ghana;Greece;Grenada;Guatemala;Guinea;Guinea-Bissau;Guyana;Haiti;Honduras;Hungary;Iceland;India;Indonesia;Iran;Iraq;Ireland;Israel;Italy;Jamaica;Japan;Jordan;Kazakhstan;Kenya;Kiribati;Kosovo;Kuwait;Kyrgyzstan;Laos;Latvia;Lebanon;Lesotho;Liberia;Libya;Liechtenstein;Lithuania;Luxembourg;Macedonia;Madagascar;Malawi;Malaysia;Maldives;Mali;Malta;Mauritania;Mauritius;Mexico;Moldova;Monaco;Mongolia;Montenegro;Morocco;Mozambique;Myanmar;Namibia;Nauru;Nepal;Netherlands;New Zealand;Nicaragua;Niger;Nigeria;North Korea;Norway;Oman;Pakistan;Palau;Panama;Papua New Guinea;Paraguay;Peru;Philippines;Poland;Portugal;Qatar;Romania;Russian Federation;Rwanda;Samoa;San Marino;Saudi Arabia;Senegal;Serbia;Seychelles;Sierra Leone;Singapore;Slovakia;Slovenia;Solomon Islands;Somalia;South Africa;South Korea;Spain;Sri Lanka;Sudan;Suriname;Swaziland;Sweden;Switzerland;Syria;Taiwan;Tajikistan;Tanzania;Thailand;Togo;Tonga;Trinidad and Tobago;Tunisia;Turkey;Turkmenistan;Tuvalu;Uganda;Ukraine;United Arab Emirates;United Kingdom;United States;Uruguay;Uzbekistan;Vanuatu;Venezuela;Viet Nam;Yemen;Yugoslavia;Zambia;Zimbabwe`.split(
    ';',
  );

const ALIASES: Record<string, string> = {
  'the netherlands': 'Netherlands',
  holland: 'Netherlands',
  russia: 'Russian Federation',
  'the russian federation': 'Russian Federation',
  uk: 'United Kingdom',
  'the uk': 'United Kingdom',
  'great britain': 'United Kingdom',
  britain: 'United Kingdom',
  england: 'United Kingdom',
  scotland: 'United Kingdom',
  usa: 'United States',
  us: 'United States',
  'the us': 'United States',
  'the usa': 'United States',
  'united states of america': 'United States',
  'the united states': 'United States',
  vietnam: 'Viet Nam',
  'the philippines': 'Philippines',
  burma: 'Myanmar',
  'czech republic': 'Czech Republic',
  'republic of moldova': 'Moldova',
  'the former yugoslav republic of macedonia': 'Macedonia',
  'bosnia-herzegovina': 'Bosnia and Herzegovina',
  "cote d'ivoire": "Côte d'Ivoire",
  'ivory coast': "Côte d'Ivoire",
  'lao pdr': 'Laos',
  'the gambia': 'Gambia',
  'the maldives': 'Maldives',
  'the bahamas': 'Bahamas',
};

const COUNTRIES = new Map<string, string>();
for (const name of COUNTRY_NAMES) COUNTRIES.set(name.toLowerCase(), name);
for (const [alias, name] of Object.entries(ALIASES)) COUNTRIES.set(alias, name);
const MAX_COUNTRY_WORDS = 6;

/** The country a name stands for ("UK" → "United Kingdom"), or null. */
export function countryNamed(s: string): string | null {
  return COUNTRIES.get(s.trim().toLowerCase()) ?? null;
}

/** Words that start with a capital but do not name a place after "in". */
const NOT_PLACES = new Set(
  'january february march april may june july august september october november december spring summer autumn winter the a an this that these its their his her member members states state article articles section chapter part annex europe asia africa america americas oceania region regions parliament council government governments office cooperation co-operation order addition particular total response accordance line view light terms spite order practice future recent general future'.split(
    ' ',
  ),
);

export type Place = { city?: string; country?: string };

type W = { text: string; start: number; end: number };

function tokens(s: string): W[] {
  const out: W[] = [];
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === ' ') {
      i++;
      continue;
    }
    let j = i;
    if (/[\p{L}\p{N}'’-]/u.test(ch)) {
      while (j < s.length && /[\p{L}\p{N}'’-]/u.test(s[j]!)) j++;
    } else j = i + 1;
    out.push({ text: s.slice(i, j), start: i, end: j });
    i = j;
  }
  return out;
}

/** The longest run of tokens from i that names a country: [country, tokens used] or null. */
function countryAt(t: W[], i: number): [string, number] | null {
  if (!t[i] || !(isUpper(t[i]!.text[0]) || (t[i]!.text === 'the' && isUpper(t[i + 1]?.text[0])))) return null;
  for (let n = Math.min(MAX_COUNTRY_WORDS, t.length - i); n >= 1; n--) {
    const phrase = t
      .slice(i, i + n)
      .map((w) => w.text)
      .join(' ');
    const c = countryNamed(phrase);
    if (c) return [c, n];
  }
  return null;
}

const capitalised = (w: W | undefined) => !!w && isUpper(w.text[0]) && !NOT_PLACES.has(w.text.toLowerCase());
const CONNECTORS = new Set(['de', 'del', 'da', 'do', 'la', 'el', 'al', 'es', 'sur', 'upon', 'am']);

/** A city name from i: capitalised words (with "de", "al"… inside), at most three. */
function cityAt(t: W[], i: number): [string, number] | null {
  if (!capitalised(t[i])) return null;
  let n = 1;
  while (n < 4 && i + n < t.length) {
    const w = t[i + n]!;
    if (capitalised(w) && !countryAt(t, i + n)) n++;
    else if (CONNECTORS.has(w.text) && capitalised(t[i + n + 1])) n += 2;
    else break;
  }
  const name = t
    .slice(i, i + n)
    .map((w) => w.text)
    .join(' ');
  return [name, n];
}

/**
 * Places after "in" or "at" in a sentence: "in CITY, COUNTRY", "in COUNTRY", "in CITY" when followed by a
 * date word, a comma, a full stop or the sentence's end. Returns each candidate in order.
 */
export function findPlaces(sentence: string): Place[] {
  const t = tokens(sentence.length > 2000 ? sentence.slice(0, 2000) : sentence);
  const out: Place[] = [];
  for (let i = 0; i < t.length - 1; i++) {
    const w = t[i]!.text.toLowerCase();
    if (w !== 'in' && w !== 'at') continue;
    const j = i + 1;
    const c = countryAt(t, j);
    if (c) {
      out.push({ country: c[0] });
      i = j + c[1] - 1;
      continue;
    }
    const city = cityAt(t, j);
    if (!city) continue;
    const after = j + city[1];
    if (t[after]?.text === ',') {
      const country = countryAt(t, after + 1);
      if (country) {
        out.push({ city: city[0], country: country[0] });
        i = after + country[1];
        continue;
      }
    }
    const next = t[after]?.text.toLowerCase();
    if (
      next === undefined ||
      next === ',' ||
      next === '.' ||
      next === ';' ||
      next === 'on' ||
      next === 'from' ||
      next === 'in' ||
      next === 'during' ||
      next === 'between' ||
      next === 'last' ||
      next === 'this' ||
      next === 'next'
    ) {
      if (w === 'at' && next !== ',' && next !== 'on' && next !== 'from') continue;
      out.push({ city: city[0] });
    }
    i = after - 1;
  }
  return out;
}

/** Countries named in a text (whole words), in order of first mention, without repeats. */
export function countriesIn(s: string): string[] {
  const ws = words(s);
  const seen = new Set<string>();
  const out: string[] = [];
  const t = ws.map((text, i) => ({ text, start: i, end: i }));
  for (let i = 0; i < t.length; i++) {
    if (!isUpper(t[i]!.text[0])) continue;
    const c = countryAt(t, i);
    if (c && !seen.has(c[0])) {
      // "US" and "UK" as words of a heading are often adjectives of a body ("US State Dept."): still countries.
      seen.add(c[0]);
      out.push(c[0]);
    }
    if (c) i += c[1] - 1;
  }
  return out;
}
