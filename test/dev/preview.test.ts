import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..", "..");

describe("npm run preview", () => {
  it("writes one HTML page with the gallery and the question given, cards drawn by the Adaptive Cards renderer", () => {
    const out = mkdtempSync(join(tmpdir(), "preview-"));
    try {
      const question = "Montako sote-järjestöä Lapissa on?";
      const r = spawnSync(process.execPath, [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join(root, "dev", "preview", "main.ts"), "--out", out, question], { encoding: "utf8", cwd: root });
      expect(r.status, r.stderr).toBe(0);
      const page = readFileSync(join(out, "index.html"), "utf8");
      const headings = [...page.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]!);
      for (const language of ["fi", "sv", "en"]) {
        expect(headings.some((h) => h.startsWith(`welcome · ${language}`))).toBe(true);
        expect(headings.some((h) => h.startsWith(`help · ${language}`))).toBe(true);
      }
      expect(headings.some((h) => h.startsWith(question))).toBe(true);
      expect(page).toContain("new AdaptiveCards.HostConfig(");
      expect(page).toContain('class="s-message"');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
