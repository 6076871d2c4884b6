// The core's folders are layers, from words up to replies: text, knowledge, retrieval,
// understanding, live, decision, answers. A file imports only from its own layer or those below,
// so reading a question never depends on how its answer is written, and no two layers import
// each other in a circle. Imports of types count too: they tie the layers as much as code does.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");
const LAYERS = ["text", "knowledge", "retrieval", "understanding", "live", "decision", "answers"];

it("no layer of the core imports from a layer above it", () => {
  const upward: string[] = [];
  for (const [rank, layer] of LAYERS.entries()) {
    for (const file of readdirSync(join(SRC, layer)).filter((f) => f.endsWith(".ts"))) {
      const text = readFileSync(join(SRC, layer, file), "utf8");
      for (const [, target] of text.matchAll(/from "\.\.\/([\w-]+)\//g)) {
        const above = LAYERS.indexOf(target!);
        if (above > rank || (above < 0 && target !== layer)) upward.push(`src/${layer}/${file} imports from src/${target}/`);
      }
    }
  }
  expect(upward).toEqual([]);
});
