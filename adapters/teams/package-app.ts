// Builds the zip a Teams admin uploads: manifest.json with the bot's id, a 192x192 colour icon and
// a 32x32 white-on-transparent outline icon (the sizes Teams requires).
import { createWriteStream } from "node:fs";
import yazl from "yazl";
import { encodePng, type Pixel } from "./png.js";

export const MANIFEST_VERSION = "1.17";
const ACCENT: Pixel = [0, 105, 120, 255];
const WHITE: Pixel = [255, 255, 255, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

/** Two speech bubbles' worth of a mark: a ring with a dot, readable at 32 px. */
function mark(size: number, inside: Pixel, outside: Pixel) {
  const c = (size - 1) / 2;
  return (x: number, y: number): Pixel => {
    const r = Math.hypot(x - c, y - c) / size;
    return (r > 0.28 && r < 0.4) || r < 0.1 ? inside : outside;
  };
}

export function teamsManifest(botId: string, version = "1.0.0"): Record<string, unknown> {
  return {
    $schema: `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version,
    id: botId,
    developer: {
      name: "Järjestöbotti",
      websiteUrl: "https://www.soste.fi/",
      privacyUrl: "https://www.soste.fi/tietosuoja/",
      termsOfUseUrl: "https://www.soste.fi/",
    },
    name: { short: "Järjestöbotti", full: "Järjestöbotti – järjestöyhteistyön tietopankki" },
    description: {
      short: "Answers about NGO cooperation with the wellbeing services counties.",
      full: "Järjestöbotti answers questions about cooperation between social and health NGOs and the wellbeing services counties in Finland: each region's figures and cooperation structures, the five steps to working NGO cooperation, state grants and the field's concepts. Every answer names its source and the date it describes.",
    },
    icons: { color: "color.png", outline: "outline.png" },
    accentColor: "#006978",
    bots: [
      {
        botId,
        scopes: ["personal", "team", "groupChat"],
        // Coordinators replace a knowledge file by sending it to the bot in a personal chat.
        supportsFiles: true,
        isNotificationOnly: false,
        commandLists: [
          {
            scopes: ["personal", "team", "groupChat"],
            commands: [
              { title: "Mitä osaat?", description: "Mitä botilta voi kysyä" },
              { title: "Viisi askelta", description: "Viisi askelta toimivaan järjestöyhteistyöhön" },
              { title: "Pirkanmaa: järjestöavustukset", description: "Alueen luvut lähteineen" },
              { title: "eniten: sote-järjestöjä", description: "Alueiden järjestys" },
            ],
          },
        ],
      },
    ],
    permissions: ["identity", "messageTeamMembers"],
    validDomains: [],
  };
}

export async function buildTeamsPackage(options: { botId: string; outFile: string; version?: string }): Promise<string> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(JSON.stringify(teamsManifest(options.botId, options.version), null, 2)), "manifest.json");
  zip.addBuffer(encodePng(192, mark(192, WHITE, ACCENT)), "color.png");
  zip.addBuffer(encodePng(32, mark(32, WHITE, CLEAR)), "outline.png");
  zip.end();
  await new Promise<void>((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(options.outFile)).on("close", resolve).on("error", reject);
  });
  return options.outFile;
}
