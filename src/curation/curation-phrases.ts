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
  notYours: "Vain muutoksen tekijä tai koordinaattori, jolla on samat oikeudet, voi vahvistaa tai hylätä sen. Mitään ei muutettu.",
  writeFailed: (file: string, reason: string, id: string) =>
    `Muutosta ei voitu kirjoittaa tiedostoon ${file} (${reason}), eikä mitään muutettu. Pyydä ylläpitoa tarkistamaan, että tietopohjan hakemistoon voi kirjoittaa ja levyllä on tilaa, ja vahvista sitten uudelleen: vahvista ${id}`,
  recordFailed: (id: string, reason: string) =>
    `Muutos ${id} on tehty, mutta sen kirjaaminen historiaan epäonnistui (${reason}). Se kirjataan, kun botti seuraavan kerran käynnistyy; kerro ylläpidolle (DATA_DIR, levytila).`,
  refused: (reason: string) => `Tietopohjan git-repositorio hylkäsi muutoksen (${reason}), eikä mitään muutettu. Kerro ylläpidolle.`,
  failed: (reason: string) => `Pyyntöä ei voitu käsitellä (${reason}), eikä mitään muutettu. Kerro ylläpidolle: tarkista DATA_DIR-hakemisto ja levytila.`,
  badFileName: (name: string) => `Tiedoston nimi ”${name}” ei kelpaa: käytä pelkkää nimeä kirjaimin, numeroin ja viivoin, esim. pirkanmaa.yaml tai luvut.csv.`,
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
    notYours: "Endast den som gjorde ändringen, eller en koordinator med samma rättigheter, kan bekräfta eller avbryta den. Inget ändrades.",
    writeFailed: (file, reason, id) =>
      `Ändringen kunde inte skrivas till ${file} (${reason}) och inget ändrades. Be driften kontrollera att kunskapsbasens katalog är skrivbar och att disken har utrymme, och bekräfta sedan igen: vahvista ${id}`,
    recordFailed: (id, reason) => `Ändringen ${id} är gjord, men den kunde inte föras in i historiken (${reason}). Den förs in när botten startar nästa gång; meddela driften (DATA_DIR, diskutrymme).`,
    refused: (reason) => `Kunskapsbasens git-repositorium avvisade ändringen (${reason}) och inget ändrades. Meddela driften.`,
    failed: (reason) => `Begäran kunde inte behandlas (${reason}) och inget ändrades. Meddela driften: kontrollera katalogen DATA_DIR och diskutrymmet.`,
    badFileName: (name) => `Filnamnet ”${name}” duger inte: använd bara ett namn med bokstäver, siffror och bindestreck, t.ex. pirkanmaa.yaml eller siffror.csv.`,
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
    notYours: "Only the person who made the change, or a coordinator with the same rights, can confirm or cancel it. Nothing was changed.",
    writeFailed: (file, reason, id) =>
      `The change could not be written to ${file} (${reason}), and nothing was changed. Ask the administrator to check that the knowledge directory is writable and the disk has space, then confirm again: vahvista ${id}`,
    recordFailed: (id, reason) => `Change ${id} is applied, but recording it in the history failed (${reason}). It is recorded when the bot next starts; tell the administrator (DATA_DIR, disk space).`,
    refused: (reason) => `The knowledge repository refused the change (${reason}), and nothing was changed. Tell the administrator.`,
    failed: (reason) => `The request could not be handled (${reason}), and nothing was changed. Tell the administrator: check the DATA_DIR directory and disk space.`,
    badFileName: (name) => `The file name "${name}" is not accepted: use a plain name of letters, digits and hyphens, e.g. pirkanmaa.yaml or figures.csv.`,
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
