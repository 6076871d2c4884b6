// Words that carry no content of their own in a question: each language's function words from a
// maintained list (stopwords-iso), spoken Finnish forms brought to their written form, and the
// verbs people use to ask ("kertoa", "säga", "tell") rather than what they ask about. Real
// questions are full of them ("eiks hyvinvointialue vois…", "Vad ska strategin säga om…"); read
// as content they make a question look like it is about something the knowledge lacks.
import { createRequire } from "node:module";
import type { Language } from "./language.js";
import { fold } from "./normalise.js";

const require = createRequire(import.meta.url);
const ISO = require("stopwords-iso/stopwords-iso.json") as Record<string, string[]>;

/**
 * Spoken and chat Finnish → written Finnish. Only forms whose written word is a function word or
 * a question word: content words ("hommat") are the lexicon's synonyms, where coordinators see them.
 */
const SPOKEN_FI: Record<string, string> = {
  mä: "minä", sä: "sinä", mun: "minun", sun: "sinun", mulle: "minulle", sulle: "sinulle", mulla: "minulla",
  sulla: "sinulla", multa: "minulta", meiän: "meidän", meijän: "meidän", teiän: "teidän", meil: "meillä",
  teil: "teillä", niil: "niillä", siel: "siellä", tääl: "täällä", tuol: "tuolla", täs: "tässä", siin: "siinä",
  mis: "missä", mist: "mistä", miks: "miksi", mihi: "mihin", millon: "milloin", millo: "milloin", mite: "miten",
  tää: "tämä", tän: "tämän", toi: "tuo", ton: "tuon", noi: "nuo", nää: "nämä", niinku: "niin", niiku: "niin",
  nii: "niin", ku: "kuin", et: "että", mut: "mutta", sit: "sitten", sitte: "sitten", kans: "kanssa", vaa: "vaan",
  oon: "olen", ootte: "olette", ollaa: "olemme", vois: "voisi", voisko: "voisiko", voiks: "voiko", voisitsä: "voisitko",
  ois: "olisi", olis: "olisi", oisko: "olisiko", oliks: "oliko", onks: "onko", eiks: "eikö", eks: "eikö",
  saaks: "saako", saisko: "saisiko", tarttis: "tarvitsisi", tarvis: "tarvitsisi", tartteeko: "tarvitseeko",
  pitäis: "pitäisi", pitäiskö: "pitäisikö", pitäiks: "pitäisikö", kannattais: "kannattaisi", tulis: "tulisi",
  menis: "menisi", haluisin: "haluaisin", haluisko: "haluaisiko", tiiätsä: "tiedätkö", tiedätsä: "tiedätkö",
  tiiäksä: "tiedätkö", tietääks: "tietääkö", osaatsä: "osaatko", osaaks: "osaako", kerrotsä: "kerrotko",
  kertoisitsä: "kertoisitko", tarkottaa: "tarkoittaa", tarkotetaan: "tarkoitetaan", tarkotettiin: "tarkoitettiin",
  uus: "uusi", vähä: "vähän", jotai: "jotain", jotenki: "jotenkin", semmonen: "sellainen", sellanen: "sellainen",
  tommonen: "tuollainen", tollanen: "tuollainen", paljonks: "paljonko", montaks: "montako", kukas: "kuka",
  mikäs: "mikä", mitäs: "mitä", onkos: "onko", oliko: "oliko",
};

/**
 * Fillers, the verbs of asking, the verbs of being about ("koskee", "handlar om"), and the verbs of hearsay ("jossain puhutaan…", "det sägs…",
 * "I've seen it mentioned…"): never what a question is about.
 */
const FILLERS: Record<Language, string[]> = {
  fi: [
    "ylipäätään", "ylipäänsä", "oikeesti", "oikeastaan", "tosi", "jotenkin", "jne", "yms", "ym", "tms", "esim", "mm",
    "eli", "siis", "tota", "öö", "hmm", "pliis", "kiitti", "kiitos", "kiitoksia", "moi", "hei", "heippa", "moro", "terve",
    "joo", "juu", "okei", "ok", "jep", "jees", "no", "kertoa", "kerro", "kerrotko", "kertoisitko", "kertoisit", "sanoa",
    "sanoo", "sanoi", "sano", "tietää", "tiedätkö", "tietäisitkö", "kysyä", "kysyn", "kysyi", "kysy", "kysymys",
    "selittää", "haluaisin", "haluan", "haluaisimme", "tarvitsen", "tarvitsisin", "tarvitsemme", "miettiä", "mietin",
    "mietimme", "mietitään", "ihmettelen", "ihmettelin", "ymmärtää", "ymmärrän", "ymmärtäisin", "hahmottaa",
    "hahmottamaan", "yritän", "yritämme", "auttaa", "auttaisitko", "osaatko", "osaisitko", "voitko", "voisitko",
    "löytyykö", "löytyisikö", "muistaakseni", "kuulin", "kuulostaa", "luin", "näin", "jossain", "jostain", "ihan",
    "vaan", "vain", "kyllä", "toki", "varmaan", "ehkä", "kai", "niinkuin", "sellainen", "tuollainen", "olen", "olemme",
    "tekee", "tekevät", "teki", "tehdä", "tehty", "tehdään", "saada", "saadaan", "löytyy", "löytyi", "löytyykö",
    "miljoona", "miljoonaa", "miljoonan", "miljardi", "miljardia", "tuhat", "tuhatta", "euro", "euroa", "euron", "eur", "milj",
    "suunnilleen", "suurin piirtein", "karkeasti", "arviolta", "likimain", "nopeesti", "nopeasti", "pikaisesti", "äkkiä",
    "puhutaan", "puhuttiin", "puhuu", "puhui", "sanotaan", "sanottiin", "väitetään", "väitettiin", "väittää", "väitti",
    "mainitaan", "mainittiin", "kerrotaan", "kerrottiin", "kuulemma", "kuullut", "nähnyt", "lukenut", "luki", "lukee",
    "koskee", "koskevat", "käsittelee", "käsittelevät",
  ],
  sv: [
    "säga", "säger", "sa", "sade", "berätta", "berättar", "veta", "vet", "undra", "undrar", "undrade", "vilja", "vill",
    "ville", "skulle", "ska", "skall", "behöva", "behöver", "förstå", "förstår", "förklara", "hej", "tack", "snälla",
    "fråga", "frågar", "frågade", "egentligen", "typ", "liksom", "alltså", "ju", "nog", "kanske", "hitta", "hittar",
    "ungefär", "cirka", "ca", "snabbt", "miljon", "miljoner", "miljard", "miljarder", "tusen", "euro", "euros",
    "sägs", "sades", "talas", "talade", "påstås", "påstod", "nämns", "nämndes", "hört", "hörde", "läst", "läste", "sett", "såg",
    "handlar", "handlade", "gäller",
  ],
  en: [
    "say", "says", "said", "tell", "told", "know", "knows", "wonder", "wondering", "want", "wanted", "need", "needs",
    "understand", "explain", "find", "look", "looking", "please", "thanks", "hi", "hello", "hey", "actually",
    "basically", "just", "like", "maybe", "anyway", "question", "ask", "asking", "asked", "curious", "trying",
    "roughly", "approximately", "approx", "around", "quickly", "quick", "million", "millions", "billion", "thousand", "euro", "euros",
    "mentioned", "mentions", "claims", "claimed", "talk", "talks", "talking", "heard", "read", "seen", "saw",
    "concerns", "concern", "deals", "covers",
  ],
};

const fiSpoken = new Map(Object.entries(SPOKEN_FI).map(([spoken, written]) => [fold(spoken), fold(written)]));
const functionWords: Record<Language, Set<string>> = { fi: new Set(), sv: new Set(), en: new Set() };
for (const lang of ["fi", "sv", "en"] as const) {
  for (const w of [...(ISO[lang] ?? []), ...FILLERS[lang]]) functionWords[lang].add(fold(w));
}
for (const [spoken, written] of fiSpoken) functionWords.fi.add(spoken).add(written);

/** The written form of a spoken Finnish word ("vois" → "voisi"), or the word itself. */
export function writtenForm(word: string): string {
  return fiSpoken.get(word) ?? word;
}

/** Whether a folded word is a function word, a filler or a verb of asking in the language. */
export function isFunctionWord(word: string, lang: Language): boolean {
  return functionWords[lang].has(word);
}

/** Whether a folded word is a function word in any of the three languages. */
export function isFunctionWordAnywhere(word: string): boolean {
  return functionWords.fi.has(word) || functionWords.sv.has(word) || functionWords.en.has(word);
}
