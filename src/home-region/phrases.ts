// The home-region commands' own words in the three languages.
import type { Language } from "../seam.js";
import type { HomeLevel } from "./commands.js";

const fi = {
  title: "Kotialue",
  /** The level as the platform calls it: a Slack workspace, a Teams tenant (an organisation). */
  level: (level: HomeLevel, platform: string): string => (level === "channel" ? "tämä kanava" : platform === "slack" ? "tämä työtila" : "tämä organisaatio"),
  applies: (name: string, level: string) => `Kysymykset, jotka eivät nimeä aluetta mutta puhuvat ”meistä” tai ”täältä”, koskevat aluetta ${name} (asetus: ${level}).`,
  noneApplies: "Kotialuetta ei ole asetettu: kysymykset, jotka eivät nimeä aluetta, koskevat kaikkia alueita.",
  setting: (level: string, name: string | undefined) => `${level}: ${name ?? "ei asetettu"}`,
  how: "Asetus: kotialue [kanava | työtila] <alue> · poisto: kotialue [kanava | työtila] pois",
  set: (name: string, level: string) => `Kotialue on nyt ${name} (${level}).`,
  cleared: (level: string) => `Kotialue poistettu (${level}).`,
  notSet: (level: string) => `Kotialuetta ei ollut asetettu (${level}).`,
  whichRegion: "En tunnistanut yhtä aluetta. Kirjoita esim. ”kotialue Pirkanmaa” tai ”kotialue työtila Pirkanmaa”.",
  noPlace: "Kotialueen voi asettaa vain Slackin tai Teamsin keskustelussa.",
  notAllowed: "Vain koordinaattorit voivat asettaa kotialueen, alueen koordinaattori vain omalle alueelleen. Mitään ei muutettu.",
  failed: (reason: string) => `Kotialuetta ei voitu tallentaa (${reason}), eikä mitään muutettu. Kerro ylläpidolle.`,
};
type Words = typeof fi;

export const HOME: Record<Language, Words> = {
  fi,
  sv: {
    title: "Hemområde",
    level: (level, platform) => (level === "channel" ? "den här kanalen" : platform === "slack" ? "den här arbetsytan" : "den här organisationen"),
    applies: (name, level) => `Frågor som inte nämner något område men talar om ”oss” eller ”här” gäller ${name} (inställt för ${level}).`,
    noneApplies: "Inget hemområde är inställt: frågor som inte nämner något område gäller alla områden.",
    setting: (level, name) => `${level}: ${name ?? "inte inställt"}`,
    how: "Ställ in: hemområde [kanal | arbetsyta] <område> · ta bort: hemområde [kanal | arbetsyta] bort",
    set: (name, level) => `Hemområdet är nu ${name} (${level}).`,
    cleared: (level) => `Hemområdet har tagits bort (${level}).`,
    notSet: (level) => `Inget hemområde var inställt (${level}).`,
    whichRegion: "Jag kände inte igen ett område. Skriv t.ex. ”hemområde Birkaland” eller ”hemområde arbetsyta Birkaland”.",
    noPlace: "Hemområdet kan bara ställas in i en konversation i Slack eller Teams.",
    notAllowed: "Endast koordinatorer kan ställa in hemområdet, en områdeskoordinator bara för sitt eget område. Inget ändrades.",
    failed: (reason) => `Hemområdet kunde inte sparas (${reason}) och inget ändrades. Meddela driften.`,
  },
  en: {
    title: "Home region",
    level: (level, platform) => (level === "channel" ? "this channel" : platform === "slack" ? "this workspace" : "this organisation"),
    applies: (name, level) => `Questions that name no region but speak of "us" or "here" are about ${name} (set for ${level}).`,
    noneApplies: "No home region is set: questions that name no region are about all regions.",
    setting: (level, name) => `${level}: ${name ?? "not set"}`,
    how: "Set: home region [channel | workspace] <region> · clear: home region [channel | workspace] off",
    set: (name, level) => `The home region is now ${name} (${level}).`,
    cleared: (level) => `Home region cleared (${level}).`,
    notSet: (level) => `No home region was set (${level}).`,
    whichRegion: "I did not recognise one region. Write e.g. \"home region Pirkanmaa\" or \"home region workspace Pirkanmaa\".",
    noPlace: "A home region can only be set in a Slack or Teams conversation.",
    notAllowed: "Only coordinators can set the home region, a region's coordinator only to their own region. Nothing was changed.",
    failed: (reason) => `The home region could not be saved (${reason}), and nothing was changed. Tell the administrator.`,
  },
};
