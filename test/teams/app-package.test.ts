import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateRawSync } from "node:zlib";
import { AppManifestUtils } from "@microsoft/app-manifest";
import { buildTeamsPackage } from "../../adapters/teams/package-app.js";
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

describe("the Teams app package", () => {
  it("holds a manifest that validates against the schema it declares, and icons of the right sizes", async () => {
    const botId = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    const file = await buildTeamsPackage({ botId, outFile: join(dir, "app.zip"), version: "1.2.3" });
    const files = unzip(readFileSync(file));
    expect([...files.keys()].sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(files.get("manifest.json")!.toString());
    expect(manifest.$schema).toContain(`v${manifest.manifestVersion}/`);
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    expect(manifest.bots[0].botId).toBe(botId);
    expect(manifest.id).toBe(botId);
    expect(pngSize(files.get("color.png")!)).toEqual({ width: 192, height: 192 });
    expect(pngSize(files.get("outline.png")!)).toEqual({ width: 32, height: 32 });
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
  });

  it("catches a manifest that breaks the schema (the check can fail)", async () => {
    const broken = { ...JSON.parse(JSON.stringify((await import("../../adapters/teams/package-app.js")).teamsManifest("not-a-guid"))), name: { short: "x" } };
    expect((await AppManifestUtils.validateAgainstSchema(broken)).length).toBeGreaterThan(0);
  });
});
