import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync, inflateSync } from "node:zlib";
import { AppManifestUtils, ManifestUtil } from "@microsoft/app-manifest";
import { buildTeamsPackage, publisherFrom, teamsManifest } from "../../adapters/teams/package-app.js";
import { APP_TEXTS } from "../../adapters/teams/app-texts.js";
import { testBot } from "../helpers/bot.js";
import { pngSize } from "../../adapters/teams/png.js";

const dir = mkdtempSync(join(tmpdir(), "teams-pkg-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Reads a zip's files through its central directory (enough for the files yazl writes). */
function unzip(buf: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString();
    const local = buf.readUInt32LE(at + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : data);
    at += 46 + nameLen + extra;
  }
  return files;
}

const botId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
const schemas = join(import.meta.dirname, "..", "..", "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");
/**
 * Microsoft's localization schema as bundled. Two of its patterns (for activity feed strings,
 * which this app has none of) use "\\b]", which JavaScript's unicode regular expressions reject;
 * they are left out so that the rest of the schema can check the files.
 */
function localizationSchema(version: string) {
  const schema = JSON.parse(readFileSync(join(schemas, `v${version}`, "MicrosoftTeams.Localization.schema.json"), "utf8"));
  for (const pattern of Object.keys(schema.patternProperties)) {
    try {
      new RegExp(pattern, "u");
    } catch {
      delete schema.patternProperties[pattern];
    }
  }
  return schema;
}

async function built(env: NodeJS.ProcessEnv = {}) {
  const file = await buildTeamsPackage({ botId, outFile: join(dir, `app-${Math.random()}.zip`), publisher: publisherFrom(env).publisher, version: "1.2.3" });
  const files = unzip(readFileSync(file));
  return { files, manifest: JSON.parse(files.get("manifest.json")!.toString()) };
}

describe("the Teams app package", () => {
  it("holds a manifest that validates against the schema it declares, and icons of the right sizes", async () => {
    const { files, manifest } = await built();
    expect([...files.keys()].sort()).toEqual(["color.png", "en.json", "manifest.json", "outline.png", "sv.json"]);
    expect(manifest.$schema).toContain(`v${manifest.manifestVersion}/`);
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    expect(manifest.bots[0].botId).toBe(botId);
    expect(manifest.id).toBe(botId);
    expect(pngSize(files.get("color.png")!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get("outline.png")!)).toEqual({ width: 32, height: 32 });
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
  });

  it("is localised: Finnish in the manifest, Swedish and English files that validate against Microsoft's localization schema", async () => {
    const { files, manifest } = await built();
    expect(manifest.localizationInfo.defaultLanguageTag).toBe("fi");
    expect(manifest.description.short).toBe(APP_TEXTS.fi.shortDescription);
    for (const { languageTag, file } of manifest.localizationInfo.additionalLanguages as Array<{ languageTag: "sv" | "en"; file: string }>) {
      const strings = JSON.parse(files.get(file)!.toString());
      expect(strings.$schema).toContain(`v${manifest.manifestVersion}/`);
      expect(await ManifestUtil.validateManifestAgainstSchema(strings, localizationSchema(manifest.manifestVersion))).toEqual([]);
      const misspelt = { ...strings, "bots[0].commandLists[0].commands[0].titel": "x" };
      expect(await ManifestUtil.validateManifestAgainstSchema(misspelt, localizationSchema(manifest.manifestVersion))).not.toEqual([]);
      expect(strings["description.full"]).toBe(APP_TEXTS[languageTag].fullDescription);
      expect(strings["bots[0].commandLists[0].commands[0].title"]).toBe(APP_TEXTS[languageTag].commands[0]!.title);
    }
  });

  it("offers commands with capitalised titles that the bot answers in their language", () => {
    const bot = testBot();
    for (const language of ["fi", "sv", "en"] as const) {
      for (const { title } of APP_TEXTS[language].commands) {
        expect(title[0]).toBe(title[0]!.toUpperCase());
        expect(title.length).toBeLessThanOrEqual(32);
        const reply = bot.answer({ text: title, conversationId: `c-${Math.random()}`, platform: "teams", locale: language });
        expect([title, reply.answered, reply.language]).toEqual([title, true, language]);
      }
    }
  });

  it("names the publisher from settings, and says which settings fell back to defaults", async () => {
    const env = { TEAMS_DEVELOPER_NAME: "Esimerkkijärjestö ry", TEAMS_WEBSITE_URL: "https://example.org/", TEAMS_PRIVACY_URL: "https://example.org/privacy", TEAMS_TERMS_URL: "https://example.org/terms" };
    const { manifest } = await built(env);
    expect(manifest.developer).toEqual({ name: "Esimerkkijärjestö ry", websiteUrl: "https://example.org/", privacyUrl: "https://example.org/privacy", termsOfUseUrl: "https://example.org/terms" });
    expect(publisherFrom(env).defaulted).toEqual([]);
    expect(publisherFrom({ TEAMS_DEVELOPER_NAME: "X" }).defaulted).toEqual(["TEAMS_WEBSITE_URL", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"]);
  });

  it("draws smooth icons: edge pixels are blended, and the outline is white on transparent", async () => {
    const { files } = await built();
    const colors = pixels(files.get("color.png")!);
    const outline = pixels(files.get("outline.png")!);
    // Anti-aliasing leaves colours between the accent and white along the bubble's edge.
    expect(new Set(colors.map((p) => p.join())).size).toBeGreaterThan(10);
    expect(outline.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.some(([, , , a]) => a > 0 && a < 255)).toBe(true);
  });

  it("catches a manifest that breaks the schema (the check can fail)", async () => {
    const broken = JSON.parse(JSON.stringify({ ...teamsManifest("not-a-guid", publisherFrom({}).publisher), name: { short: "x" } }));
    expect((await AppManifestUtils.validateAgainstSchema(broken)).length).toBeGreaterThan(0);
  });
});

/** RGBA pixels of a PNG that encodePng wrote (one IDAT, filter type 0 on every row). */
function pixels(png: Buffer): Array<[number, number, number, number]> {
  const { width, height } = pngSize(png);
  const idatLength = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLength));
  const out: Array<[number, number, number, number]> = [];
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const at = y * (width * 4 + 1) + 1 + x * 4;
      out.push([raw[at]!, raw[at + 1]!, raw[at + 2]!, raw[at + 3]!]);
    }
  return out;
}
