// The bot's own words for the welcome and the help, in the three languages. Region and metric
// names come from the knowledge and are passed in; nothing here names a fact. Button labels stay
// within about 22 characters, the width a Teams button shows without cutting.
import type { Language } from "../knowledge/schema.js";

type HelpPhrases = {
  /** Quotation marks as the language writes them. */
  quote: (s: string) => string;
  welcomeTitle: string;
  welcomeKnows: string;
  welcomeHowToAsk: (example: string) => string;
  helpTitle: string;
  helpIntro: string;
  /** Each topic with an example question (in the nominative: the phrases cannot inflect names). */
  examples: {
    figures: [string, (region: string) => string];
    ranking: [string, string];
    compare: [string, (a: string, b: string) => string];
    step: [string, string];
    followUp: [string, (region: string) => string];
  };
  /** Questions the buttons ask, worded so that the words alone tell the language. */
  helpQuestion: string;
  stepsQuestion: string;
  labels: { steps: string; ranking: string; moreExamples: string };
  /** The question that shows the rest of the previous answer, and its button. */
  more: { label: string; question: string };
};

export const HELP_PHRASES: Record<Language, HelpPhrases> = {
  fi: {
    quote: (s) => `”${s}”`,
    welcomeTitle: "Hei, olen Järjestöbotti",
    welcomeKnows:
      "Kerron sote-järjestöjen ja hyvinvointialueiden yhteistyöstä: alueiden luvut ja yhteistyörakenteet, viisi askelta toimivaan järjestöyhteistyöhön, valtionavustukset ja järjestökentän käsitteet. Jokainen vastaus kertoo lähteensä ja ajankohdan.",
    welcomeHowToAsk: (ex) => `Kysy omin sanoin suomeksi, ruotsiksi tai englanniksi, esimerkiksi ${ex}. Kirjoita ”apua”, niin näet lisää esimerkkejä.`,
    helpTitle: "Näin voit kysyä",
    helpIntro: "Kysy omin sanoin suomeksi, ruotsiksi tai englanniksi. Nimet saa taivuttaa ja kirjoittaa ilman ä- ja ö-kirjaimia.",
    examples: {
      figures: ["Alueen luvut", (r) => `Montako sote-järjestöä alueella ${r} on?`],
      ranking: ["Järjestykset", "Missä on eniten järjestöavustuksia asukasta kohden?"],
      compare: ["Vertailut", (a, b) => `Vertaa alueita ${a} ja ${b}`],
      step: ["Viisi askelta", "Mikä on askel 3?"],
      followUp: ["Jatkokysymykset", (r) => `entä ${r}?`],
    },
    helpQuestion: "apua",
    stepsQuestion: "Mitkä ovat viisi askelta?",
    labels: { steps: "Viisi askelta", ranking: "Eniten järjestöjä", moreExamples: "Lisää esimerkkejä" },
    more: { label: "Kerro lisää", question: "kerro lisää" },
  },
  sv: {
    quote: (s) => `”${s}”`,
    welcomeTitle: "Hej, jag är Järjestöbotti",
    welcomeKnows:
      "Jag berättar om samarbetet mellan social- och hälsoorganisationer och välfärdsområdena: områdenas siffror och samarbetsstrukturer, de fem stegen till ett fungerande organisationssamarbete, statsbidragen och fältets begrepp. Varje svar anger sin källa och tidpunkt.",
    welcomeHowToAsk: (ex) => `Fråga med egna ord på svenska, finska eller engelska, till exempel ${ex}. Skriv ”hjälp” för fler exempel.`,
    helpTitle: "Så här kan du fråga",
    helpIntro: "Fråga med egna ord på svenska, finska eller engelska. Namnen kan skrivas på svenska eller finska.",
    examples: {
      figures: ["Ett områdes siffror", (r) => `Hur många organisationer finns i ${r}?`],
      ranking: ["Rangordningar", "Vilket område ger mest bidrag per invånare?"],
      compare: ["Jämförelser", (a, b) => `Jämför ${a} och ${b}`],
      step: ["De fem stegen", "Vad är steg 3?"],
      followUp: ["Följdfrågor", (r) => `och ${r}?`],
    },
    helpQuestion: "Hur frågar jag?",
    stepsQuestion: "Vilka är de fem stegen?",
    labels: { steps: "Fem steg", ranking: "Flest organisationer", moreExamples: "Fler exempel" },
    more: { label: "Berätta mer", question: "berätta mer" },
  },
  en: {
    quote: (s) => `“${s}”`,
    welcomeTitle: "Hi, I'm Järjestöbotti",
    welcomeKnows:
      "I know about cooperation between social and health NGOs and the wellbeing services counties: each region's figures and cooperation structures, the five steps to working NGO cooperation, state grants and the field's concepts. Every answer names its source and date.",
    welcomeHowToAsk: (ex) => `Ask in your own words in English, Finnish or Swedish, for example ${ex}. Type “help” for more examples.`,
    helpTitle: "How to ask",
    helpIntro: "Ask in your own words in English, Finnish or Swedish. Region names work in any of the three languages.",
    examples: {
      figures: ["A region's figures", (r) => `How many NGOs are there in ${r}?`],
      ranking: ["Rankings", "Which county gives the most grants per resident?"],
      compare: ["Comparisons", (a, b) => `Compare ${a} and ${b}`],
      step: ["The five steps", "What is step 3?"],
      followUp: ["Follow-ups", (r) => `what about ${r}?`],
    },
    helpQuestion: "How do I ask?",
    stepsQuestion: "What are the five steps?",
    labels: { steps: "Five steps", ranking: "Most NGOs", moreExamples: "More examples" },
    more: { label: "Tell me more", question: "tell me more" },
  },
};
