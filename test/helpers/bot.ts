// The real bot over the real knowledge/ directory, for tests of the core and of the adapters.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { createBot, type CoreBot } from "../../src/bot.js";
import type { RegionFile } from "../../src/knowledge/schema.js";
import { createKnowledgeStore } from "../../src/live/store.js";

export const KNOWLEDGE_DIR = join(import.meta.dirname, "..", "..", "knowledge");

export function testBot(dir = KNOWLEDGE_DIR): CoreBot {
  return createBot({ store: createKnowledgeStore(dir) });
}

/** The region files as plain YAML data: tests read expected figures from here, never literals. */
export function regionData(): RegionFile[] {
  const dir = join(KNOWLEDGE_DIR, "regions");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => parse(readFileSync(join(dir, f), "utf8")) as RegionFile);
}

/** The newest value of a region's figure, as the YAML holds it. */
export function figure(region: RegionFile, metric: string): number {
  const raw = region.figures[metric];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const sorted = [...list].sort((a, b) => (b.as_of ?? "").localeCompare(a.as_of ?? ""));
  if (!sorted[0]) throw new Error(`${region.id} has no ${metric}`);
  return sorted[0].value;
}

/** Asks one question in a fresh conversation (or the given one) and returns the reply. */
export function ask(bot: CoreBot, text: string, conversationId = `t-${Math.random()}`) {
  return bot.answer({ text, conversationId, platform: "test" });
}

/** Answer text with digit groups joined ("532 671" -> "532671") and decimal commas as dots. */
export function plain(text: string): string {
  return text
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/(\d)[ ,](?=\d{3}(?!\d))/g, "$1")
    .replace(/(\d)[ ,](?=\d{3}(?!\d))/g, "$1")
    .replace(/(\d),(\d)/g, "$1.$2")
    .toLowerCase();
}
