// The curation commands' own words in the three languages, and the shape of their replies.
import { renderText } from "../answers/reply-builder.js";
import type { Language } from "../knowledge/schema.js";
import type { Reply } from "../seam.js";

const fi = {
  preview: (file: string) => `Muutoksen esikatselu (${file}) – vahvista tai hylkää:`,
  applied: (id: string) => `Muutos ${id} on tehty ja tietopohja päivitetty.`,
  conflict: (file: string) => `Ristiriita: tiedostoa ${file} on muutettu esikatselun jälkeen. Mitään ei muutettu; tee muutos uudelleen.`,
  invalid: "Muutos ei läpäise tarkistusta, eikä mitään muutettu:",
  noChange: "Muutos ei muuttaisi mitään.",
  noPending: (id: string) => `Ei odottavaa muutosta ${id} (vanhentunut, jo käsitelty tai toisen käyttäjän).`,
  cancelled: (id: string) => `Muutos ${id} hylätty.`,
  history: "Viimeisimmät muutokset",
  noHistory: "Ei muutoksia vielä.",
  noHistoryRecord: (id: string) => `Historiassa ei ole muutosta ${id}.`,
  notCoordinator: "Vain koordinaattorit voivat muuttaa tietopohjaa. Mitään ei muutettu; pyydä muutosta alueesi koordinaattorilta.",
  whichRegion: "En tunnistanut yhtä aluetta. Kirjoita esim. ”päivitä Pirkanmaa järjestöavustukset 1 800 000 lähde <lähde-id> 2024”.",
  whichFigure: "En tunnistanut, mitä lukua muutetaan. Luvut:",
  notANumber: "Arvon pitää olla luku (esim. 1 800 000 tai 1,8 milj.).",
  unknownSource: (s: string) => `Tuntematon lähde ”${s}”. Tunnetut lähteet:`,
  badType: (t: string) => `Tuntematon rakenteen tyyppi ”${t}”. Tyypit:`,
  badStatus: (t: string) => `Tuntematon tila ”${t}”. Tilat:`,
  usage: "Komennot: päivitä <alue> <luku> <arvo> lähde <id> [päivä] · rakenne <alue> | <tyyppi> | <tila> | <nimi> | <kuvaus> | lähde <id> · huomio <alue> | <teksti> | lähde <id> · historia · peru <id> · tilaa [alueet] · peru tilaus",
  subscribed: (what: string) => `Tämä keskustelu saa nyt ilmoituksen tietopohjan muutoksista: ${what}.`,
  allRegions: "kaikki muutokset",
  unsubscribed: "Tilaus peruttu: tämä keskustelu ei enää saa ilmoituksia.",
  notSubscribed: "Tällä keskustelulla ei ollut tilausta.",
  cannotSubscribe: "Tällä alustalla ei voi vastaanottaa ilmoituksia.",
  announcement: "Tietopohjaa on päivitetty",
};
type Words = typeof fi;

export const CURATION: Record<Language, Words> = {
  fi,
  sv: {
    ...fi,
    preview: (file) => `Förhandsvisning av ändringen (${file}) – bekräfta eller avbryt:`,
    applied: (id) => `Ändringen ${id} är gjord och kunskapsbasen uppdaterad.`,
    conflict: (file) => `Konflikt: ${file} har ändrats efter förhandsvisningen. Inget ändrades; gör ändringen på nytt.`,
    invalid: "Ändringen klarar inte kontrollen och inget ändrades:",
    notCoordinator: "Endast koordinatorer kan ändra kunskapsbasen. Inget ändrades.",
    notANumber: "Värdet måste vara ett tal (t.ex. 1 800 000 eller 1,8 milj.).",
    history: "Senaste ändringar",
    subscribed: (what) => `Den här konversationen får nu meddelanden om ändringar: ${what}.`,
    allRegions: "alla ändringar",
    unsubscribed: "Prenumerationen avslutad.",
    announcement: "Kunskapsbasen har uppdaterats",
  },
  en: {
    ...fi,
    preview: (file) => `Preview of the change (${file}) – confirm or cancel:`,
    applied: (id) => `Change ${id} is applied and the knowledge updated.`,
    conflict: (file) => `Conflict: ${file} was changed after the preview. Nothing was changed; make the change again.`,
    invalid: "The change does not pass the checks, and nothing was changed:",
    noChange: "The change would change nothing.",
    noPending: (id) => `No pending change ${id} (expired, already handled, or someone else's).`,
    cancelled: (id) => `Change ${id} cancelled.`,
    history: "Recent changes",
    noHistory: "No changes yet.",
    noHistoryRecord: (id) => `No change ${id} in the history.`,
    notCoordinator: "Only coordinators can change the knowledge. Nothing was changed; ask your region's coordinator.",
    whichRegion: "I did not recognise one region. Write e.g. \"update Pirkanmaa grants 1800000 source <source-id> 2024\".",
    whichFigure: "I did not recognise which figure to change. Figures:",
    notANumber: "The value must be a number (e.g. 1800000 or 1.8 million).",
    unknownSource: (s) => `Unknown source "${s}". Known sources:`,
    badType: (t) => `Unknown structure type "${t}". Types:`,
    badStatus: (t) => `Unknown status "${t}". Statuses:`,
    subscribed: (what) => `This conversation now gets announcements of knowledge changes: ${what}.`,
    allRegions: "all changes",
    unsubscribed: "Unsubscribed: this conversation no longer gets announcements.",
    notSubscribed: "This conversation had no subscription.",
    cannotSubscribe: "This platform cannot receive announcements.",
    announcement: "The knowledge has been updated",
  },
};

export function curationReply(language: Language, title: string, items: string[], answered: boolean, suggestions: string[] = []): Reply {
  const reply: Omit<Reply, "text"> = {
    answered,
    language,
    title,
    paragraphs: [],
    facts: [],
    items,
    ordered: false,
    notes: [],
    sources: [],
    suggestions: suggestions.map((q) => ({ label: q, question: q })),
    entryIds: [],
  };
  return { ...reply, text: renderText(reply) };
}
