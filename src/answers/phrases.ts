// The bot's own words (not knowledge): headings, connecting phrases and refusals in the three
// languages. Facts, names and figures never appear here; they come from knowledge/.
import type { Language } from "../knowledge/schema.js";

type Phrases = {
  sources: string;
  situation: string;
  onlyFinnish: string;
  dontKnow: string;
  noFigureForYear: (years: string) => string;
  canHelpWith: string;
  askAlso: string;
  tourDate: string;
  tourOrder: (n: number, of: number) => string;
  highlights: string;
  perResident: string;
  perResidentNote: string;
  perNgo: string;
  perNgoNote: string;
  total: (value: string, areas: number) => string;
  totalPlus: string;
  totalCount: string;
  rankingTitle: (metric: string, least: boolean) => string;
  includesCities: (counties: number, cities: string) => string;
  countiesOnly: (helsinki: string) => string;
  otherFigure: (value: string, source: string, date: string) => string;
  ambiguous: (written: string) => string;
  askRegion: string;
  readAs: (written: string, name: string) => string;
  partOf: (written: string, name: string) => string;
  stepTitle: (n: number) => string;
  whyItMatters: string;
  regionsOnStep: string;
  noFigure: (metric: string, region: string) => string;
  helpTitle: string;
  helpIntro: string;
  helpTopics: string[];
  compareTitle: string;
  regionsWhere: string;
  larger: (a: string, b: string, metric: string) => string;
  /** How much larger, as a figure: "Ero: 1 336 asukasta." */
  difference: (value: string) => string;
  equal: (a: string, b: string, metric: string) => string;
  filterTitle: (metric: string, above: boolean, value: string) => string;
  noneMatch: string;
  verdict: (least: boolean, region: string, value: string) => string;
  /** The n-th of a ranking: "2. pienin: Kainuu (70 521)." */
  verdictNth: (n: number, least: boolean, region: string, value: string) => string;
};

export const PHRASES: Record<Language, Phrases> = {
  fi: {
    sources: "Lähde",
    situation: "tilanne",
    onlyFinnish: "(Tämä teksti on saatavilla vain suomeksi.)",
    dontKnow: "En tiedä vastausta tähän tietopohjani perusteella.",
    noFigureForYear: (y) => `Minulla ei ole tätä lukua vuodelle ${y}, joten en arvaa sitä. Tietopohjan luvut kuvaavat muita vuosia; kysy ilman vuotta, niin näet luvun ja sen ajankohdan.`,
    canHelpWith:
      "Osaan kertoa hyvinvointialueiden ja Helsingin järjestöyhteistyöstä ja luvuista (sote-järjestöt, asukasluku, rahoitus, järjestöavustukset), viidestä askeleesta toimivaan järjestöyhteistyöhön, valtionavustusten leikkauksista ja järjestökentän käsitteistä.",
    askAlso: "Voit kysyä myös",
    tourDate: "Aluekierroksen tapaaminen",
    tourOrder: (n, of) => `${n}. tapaaminen ${of}:stä`,
    highlights: "Aluekierroksen huomiot",
    perResident: "asukasta kohden",
    perResidentNote: "Asukasta kohden laskettu: luku jaettuna saman lähteen asukasluvulla.",
    perNgo: "sote-järjestöä kohden",
    perNgoNote: "Sote-järjestöä kohden laskettu: luku jaettuna saman lähteen sote-järjestöjen määrällä.",
    total: (v, n) => `Yhteensä ${n} alueella: ${v} (alueiden lukujen summa).`,
    totalPlus: "Osalla alueista tulevat lisäksi kumppanuusavustukset, jotka eivät sisälly summaan.",
    totalCount: "Sama järjestö voi toimia usealla alueella, joten summa ei ole koko maan järjestöjen määrä.",
    rankingTitle: (m, least) => `${m}: ${least ? "pienimmästä suurimpaan" : "suurimmasta pienimpään"}`,
    includesCities: (n, c) => `Mukana ovat kaikki ${n} hyvinvointialuetta ja ${c}.`,
    countiesOnly: (h) => `Mukana ovat vain hyvinvointialueet; ${h} ei ole hyvinvointialue, vaan kaupunki järjestää palvelut itse.`,
    otherFigure: (v, s, d) => `Toinen lähde: ${v} (${s}, ${d}).`,
    ambiguous: (w) => `”${w}” voi tarkoittaa useaa aluetta. Tarkenna, mitä niistä tarkoitat:`,
    askRegion: "Minkä alueen tietoja tarkoitat? Valitse alue tai kirjoita sen nimi, niin vastaan.",
    readAs: (w, n) => `Tulkitsin ”${w}” tarkoittavan aluetta ${n}.`,
    partOf: (w, n) => `”${w}” on osa aluetta ${n}: luvut koskevat koko aluetta, eivät pelkkää kaupunkia.`,
    stepTitle: (n) => `Askel ${n}`,
    whyItMatters: "Miksi se on tärkeää",
    regionsOnStep: "Mitä aluekierroksella havaittiin",
    noFigure: (m, r) => `Minulla ei ole lukua ”${m}” alueelle ${r}.`,
    helpTitle: "Näin voit kysyä",
    helpIntro: "Kysy suomeksi, ruotsiksi tai englanniksi, myös taivutetuilla nimillä ja ilman ä- ja ö-kirjaimia.",
    helpTopics: [
      "alueen luvut: sote-järjestöt, asukasluku, rahoitus 2023 ja järjestöavustukset",
      "alueen järjestöyhteistyön rakenteet ja aluekierroksen huomiot",
      "viisi askelta toimivaan järjestöyhteistyöhön",
      "vertailut ja järjestykset, myös asukasta kohden",
      "valtionavustusten leikkaukset ja uudistusehdotus, järjestökentän luvut ja käsitteet",
    ],
    compareTitle: "Vertailu",
    regionsWhere: "Alueet, joita tämä koskee",
    larger: (a, b, m) => `${m}: luku on suurempi alueella ${a} kuin alueella ${b}.`,
    difference: (v) => `Ero: ${v}.`,
    equal: (a, b, m) => `${a} ja ${b}: ${m.toLowerCase()} on yhtä suuri.`,
    filterTitle: (m, above, v) => `${m}: ${above ? "yli" : "alle"} ${v}`,
    noneMatch: "Yhdelläkään alueella luku ei täytä ehtoa.",
    verdict: (least, r, v) => `${least ? "Pienin" : "Suurin"}: ${r} (${v}).`,
    verdictNth: (n, least, r, v) => `${n}. ${least ? "pienin" : "suurin"}: ${r} (${v}).`,
  },
  sv: {
    sources: "Källa",
    situation: "gäller",
    onlyFinnish: "(Den här texten finns bara på finska.)",
    dontKnow: "Jag vet inte svaret på det utifrån min kunskapsbas.",
    noFigureForYear: (y) => `Jag har inte den här siffran för ${y} och gissar inte. Fråga utan år, så ser du siffran och vilken tid den beskriver.`,
    canHelpWith:
      "Jag kan berätta om organisationssamarbetet och siffrorna i välfärdsområdena och Helsingfors (social- och hälsoorganisationer, invånare, finansiering, bidrag), de fem stegen till ett fungerande organisationssamarbete, nedskärningarna av statsbidragen och begrepp inom fältet.",
    askAlso: "Du kan också fråga",
    tourDate: "Regionrundans möte",
    tourOrder: (n, of) => `möte ${n} av ${of}`,
    highlights: "Iakttagelser från regionrundan",
    perResident: "per invånare",
    perResidentNote: "Per invånare: siffran delad med invånarantalet från samma källa.",
    perNgo: "per social- och hälsoorganisation",
    perNgoNote: "Per organisation: siffran delad med antalet social- och hälsoorganisationer från samma källa.",
    total: (v, n) => `Sammanlagt i ${n} områden: ${v} (summan av områdenas siffror).`,
    totalPlus: "Vissa områden ger därtill partnerskapsbidrag, som inte ingår i summan.",
    totalCount: "Samma organisation kan verka i flera områden, så summan är inte antalet organisationer i hela landet.",
    rankingTitle: (m, least) => `${m}: ${least ? "från minst till störst" : "från störst till minst"}`,
    includesCities: (n, c) => `Med är alla ${n} välfärdsområden och ${c}.`,
    countiesOnly: (h) => `Endast välfärdsområdena är med; ${h} är inte ett välfärdsområde, staden ordnar tjänsterna själv.`,
    otherFigure: (v, s, d) => `En annan källa: ${v} (${s}, ${d}).`,
    ambiguous: (w) => `”${w}” kan betyda flera områden. Vilket menar du?`,
    askRegion: "Vilket område menar du? Välj området eller skriv dess namn, så svarar jag.",
    readAs: (w, n) => `Jag tolkade ”${w}” som ${n}.`,
    partOf: (w, n) => `”${w}” är en del av ${n}: siffrorna gäller hela området, inte bara staden.`,
    stepTitle: (n) => `Steg ${n}`,
    whyItMatters: "Varför det är viktigt",
    regionsOnStep: "Vad regionrundan såg",
    noFigure: (m, r) => `Jag har ingen siffra ”${m}” för ${r}.`,
    helpTitle: "Så här kan du fråga",
    helpIntro: "Fråga på finska, svenska eller engelska.",
    helpTopics: [
      "ett områdes siffror: organisationer, invånare, finansiering 2023 och bidrag",
      "områdets samarbetsstrukturer och iakttagelser från regionrundan",
      "de fem stegen till ett fungerande organisationssamarbete",
      "jämförelser och rangordningar, även per invånare",
      "nedskärningarna av statsbidragen, fältets siffror och begrepp",
    ],
    compareTitle: "Jämförelse",
    regionsWhere: "Områden som detta gäller",
    larger: (a, b, m) => `${m}: siffran är större i ${a} än i ${b}.`,
    difference: (v) => `Skillnad: ${v}.`,
    equal: (a, b, m) => `${a} och ${b}: ${m.toLowerCase()} är lika stor.`,
    filterTitle: (m, above, v) => `${m}: ${above ? "över" : "under"} ${v}`,
    noneMatch: "Inget område uppfyller villkoret.",
    verdict: (least, r, v) => `${least ? "Minst" : "Störst"}: ${r} (${v}).`,
    verdictNth: (n, least, r, v) => `${n}. ${least ? "minst" : "störst"}: ${r} (${v}).`,
  },
  en: {
    sources: "Source",
    situation: "as of",
    onlyFinnish: "(This text is available in Finnish only.)",
    dontKnow: "I don't know the answer to that from my knowledge base.",
    noFigureForYear: (y) => `I have no such figure for ${y}, and I won't guess one. Ask without the year to see the figure and the date it describes.`,
    canHelpWith:
      "I can tell you about NGO cooperation and figures in the wellbeing services counties and Helsinki (social and health NGOs, population, funding, NGO grants), the five steps to working NGO cooperation, the state-grant cuts and the field's concepts.",
    askAlso: "You can also ask",
    tourDate: "Regional tour meeting",
    tourOrder: (n, of) => `meeting ${n} of ${of}`,
    highlights: "Findings of the regional tour",
    perResident: "per resident",
    perResidentNote: "Per resident: the figure divided by the population from the same source.",
    perNgo: "per social and health NGO",
    perNgoNote: "Per NGO: the figure divided by the number of social and health NGOs from the same source.",
    total: (v, n) => `In total across ${n} areas: ${v} (the sum of the areas' figures).`,
    totalPlus: "Some areas give partnership grants on top, which the sum does not include.",
    totalCount: "One NGO may work in several areas, so the sum is not the number of NGOs in the whole country.",
    rankingTitle: (m, least) => `${m}: ${least ? "smallest first" : "largest first"}`,
    includesCities: (n, c) => `All ${n} wellbeing services counties and ${c} are included.`,
    countiesOnly: (h) => `Counties only; ${h} is not a wellbeing services county, the city organises the services itself.`,
    otherFigure: (v, s, d) => `Another source: ${v} (${s}, ${d}).`,
    ambiguous: (w) => `"${w}" can mean several areas. Which one do you mean?`,
    askRegion: "Which area do you mean? Pick one or type its name and I will answer.",
    readAs: (w, n) => `I read "${w}" as ${n}.`,
    partOf: (w, n) => `"${w}" is part of ${n}: the figures are for the whole area, not the city alone.`,
    stepTitle: (n) => `Step ${n}`,
    whyItMatters: "Why it matters",
    regionsOnStep: "What the regional tour found",
    noFigure: (m, r) => `I have no figure "${m}" for ${r}.`,
    helpTitle: "How to ask",
    helpIntro: "Ask in Finnish, Swedish or English.",
    helpTopics: [
      "a region's figures: NGOs, population, 2023 funding and NGO grants",
      "a region's cooperation structures and the regional tour's findings",
      "the five steps to working NGO cooperation",
      "comparisons and rankings, also per resident",
      "the state-grant cuts and reform proposal, the field's figures and concepts",
    ],
    compareTitle: "Comparison",
    regionsWhere: "Areas this concerns",
    larger: (a, b, m) => `${m}: the figure is larger for ${a} than for ${b}.`,
    difference: (v) => `Difference: ${v}.`,
    equal: (a, b, m) => `${a} and ${b}: ${m.toLowerCase()} is the same.`,
    filterTitle: (m, above, v) => `${m}: ${above ? "over" : "under"} ${v}`,
    noneMatch: "No area meets the condition.",
    verdict: (least, r, v) => `${least ? "Smallest" : "Largest"}: ${r} (${v}).`,
    verdictNth: (n, least, r, v) => `No. ${n} ${least ? "smallest" : "largest"}: ${r} (${v}).`,
  },
};
