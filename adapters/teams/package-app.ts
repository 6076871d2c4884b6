// Builds the zip a Teams admin uploads to the organisation's app catalogue: manifest.json (in
// Finnish, the default language) with the bot's id and the publisher's details, sv.json and
// en.json that Teams shows to users whose client is in Swedish or English, and the two icons.
import { createWriteStream } from "node:fs";
import yazl from "yazl";
import type { Language } from "../../src/seam.js";
import { APP_SHORT_NAME, APP_TEXTS } from "./app-texts.js";
import { colorIcon, outlineIcon } from "./icons.js";

export const MANIFEST_VERSION = "1.17";
const SCHEMAS = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}`;
const DEFAULT_LANGUAGE: Language = "fi";
const OTHER_LANGUAGES: Language[] = ["sv", "en"];

/** Who publishes the app: shown in the catalogue's app details. */
export interface Publisher {
  name: string;
  websiteUrl: string;
  privacyUrl: string;
  termsOfUseUrl: string;
}

/**
 * The publisher from settings. The defaults name SOSTE, whose material the knowledge is built
 * from; an organisation that runs its own bot sets its own (see the README's Teams section).
 */
export function publisherFrom(env: NodeJS.ProcessEnv): { publisher: Publisher; defaulted: string[] } {
  const settings: Array<[keyof Publisher, string, string]> = [
    ["name", "TEAMS_DEVELOPER_NAME", "SOSTE ry"],
    ["websiteUrl", "TEAMS_WEBSITE_URL", "https://www.soste.fi/"],
    ["privacyUrl", "TEAMS_PRIVACY_URL", "https://www.soste.fi/tietosuoja/"],
    ["termsOfUseUrl", "TEAMS_TERMS_URL", "https://www.soste.fi/"],
  ];
  const defaulted = settings.filter(([, name]) => !env[name]?.trim()).map(([, name]) => name);
  const publisher = Object.fromEntries(settings.map(([key, name, fallback]) => [key, env[name]?.trim() || fallback])) as unknown as Publisher;
  return { publisher, defaulted };
}

export function teamsManifest(botId: string, publisher: Publisher, version = "1.0.0"): Record<string, unknown> {
  const texts = APP_TEXTS[DEFAULT_LANGUAGE];
  const scopes = ["personal", "team", "groupChat"];
  return {
    $schema: `${SCHEMAS}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version,
    id: botId,
    developer: { name: publisher.name, websiteUrl: publisher.websiteUrl, privacyUrl: publisher.privacyUrl, termsOfUseUrl: publisher.termsOfUseUrl },
    name: { short: APP_SHORT_NAME, full: texts.fullName },
    description: { short: texts.shortDescription, full: texts.fullDescription },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: "#006978",
    localizationInfo: {
      defaultLanguageTag: DEFAULT_LANGUAGE,
      additionalLanguages: OTHER_LANGUAGES.map((languageTag) => ({ languageTag, file: `${languageTag}.json` })),
    },
    bots: [
      {
        botId,
        scopes,
        // Coordinators replace a knowledge file by sending it to the bot in a personal chat.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [{ scopes, commands: texts.commands }],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [],
  };
}

/** A language file: the manifest's strings in one more language, keyed by their JSON path. */
export function languageFile(language: Language): Record<string, string> {
  const texts = APP_TEXTS[language];
  return {
    $schema: `${SCHEMAS}/MicrosoftTeams.Localization.schema.json`,
    "name.short": APP_SHORT_NAME,
    "name.full": texts.fullName,
    "description.short": texts.shortDescription,
    "description.full": texts.fullDescription,
    ...Object.fromEntries(
      texts.commands.flatMap((c, i) => [
        [`bots[0].commandLists[0].commands[${i}].title`, c.title],
        [`bots[0].commandLists[0].commands[${i}].description`, c.description],
      ]),
    ),
  };
}

export async function buildTeamsPackage(options: { botId: string; outFile: string; publisher: Publisher; version?: string }): Promise<string> {
  const zip = new yazl.ZipFile();
  const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2));
  zip.addBuffer(json(teamsManifest(options.botId, options.publisher, options.version)), "manifest.json");
  for (const language of OTHER_LANGUAGES) zip.addBuffer(json(languageFile(language)), `${language}.json`);
  zip.addBuffer(colorIcon(), "color.png");
  zip.addBuffer(outlineIcon(), "outline.png");
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(options.outFile)).on("close", resolve).on("error", reject);
  });
  return options.outFile;
}
