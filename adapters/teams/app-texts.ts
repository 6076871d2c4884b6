// What an organisation's Teams app catalogue shows about the bot, in the three languages: name,
// descriptions and the command menu. Command titles are questions the bot answers as they are
// sent (tests ask each one), capitalised as menu items, within Teams' 32 characters.
import type { Language } from "../../src/seam.js";

export interface AppTexts {
  fullName: string;
  shortDescription: string;
  fullDescription: string;
  commands: Array<{ title: string; description: string }>;
}

export const APP_SHORT_NAME = "Järjestöbotti";

export const APP_TEXTS: Record<Language, AppTexts> = {
  fi: {
    fullName: "Järjestöbotti – järjestöyhteistyön tietopankki",
    shortDescription: "Vastaa järjestöjen ja hyvinvointialueiden yhteistyöstä lähteineen.",
    fullDescription:
      "Järjestöbotti vastaa kysymyksiin sote-järjestöjen ja hyvinvointialueiden yhteistyöstä: alueiden luvut ja yhteistyörakenteet, viisi askelta toimivaan järjestöyhteistyöhön, valtionavustukset ja järjestökentän käsitteet. Jokainen vastaus kertoo lähteensä ja ajankohdan, jota tiedot kuvaavat. Kysy suomeksi, ruotsiksi tai englanniksi henkilökohtaisessa keskustelussa tai mainitse botti kanavalla.",
    commands: [
      { title: "Mitä osaat?", description: "Mitä botilta voi kysyä ja miten" },
      { title: "Mitkä ovat viisi askelta?", description: "Viisi askelta toimivaan järjestöyhteistyöhön" },
      { title: "Mikä on askel 3?", description: "Yksi askel ja mitä aluekierroksella havaittiin" },
      { title: "Eniten sote-järjestöjä", description: "Alueet järjestyksessä, myös asukasta kohden" },
    ],
  },
  sv: {
    fullName: "Järjestöbotti – kunskapsbank för organisationssamarbete",
    shortDescription: "Svarar om samarbetet mellan organisationer och välfärdsområden, med källor.",
    fullDescription:
      "Järjestöbotti svarar på frågor om samarbetet mellan social- och hälsoorganisationer och välfärdsområdena: områdenas siffror och samarbetsstrukturer, de fem stegen till ett fungerande organisationssamarbete, statsbidragen och fältets begrepp. Varje svar anger sin källa och den tid uppgifterna gäller. Fråga på svenska, finska eller engelska i en personlig chatt eller nämn boten i en kanal.",
    commands: [
      { title: "Hjälp", description: "Vad du kan fråga och hur" },
      { title: "Vilka är de fem stegen?", description: "Fem steg till ett fungerande organisationssamarbete" },
      { title: "Vad är steg 3?", description: "Ett steg och vad regionrundan såg" },
      { title: "Flest organisationer", description: "Områdena i ordning, även per invånare" },
    ],
  },
  en: {
    fullName: "Järjestöbotti – NGO cooperation knowledge bank",
    shortDescription: "Answers on NGO cooperation with the wellbeing services counties, with sources.",
    fullDescription:
      "Järjestöbotti answers questions about cooperation between social and health NGOs and Finland's wellbeing services counties: each region's figures and cooperation structures, the five steps to working NGO cooperation, state grants and the field's concepts. Every answer names its source and the date its facts describe. Ask in English, Finnish or Swedish in a personal chat, or mention the bot in a channel.",
    commands: [
      { title: "Help", description: "What you can ask and how" },
      { title: "What are the five steps?", description: "The five steps to working NGO cooperation" },
      { title: "What is step 3?", description: "One step and what the regional tour found" },
      { title: "Most NGOs", description: "The regions in order, also per resident" },
    ],
  },
};
