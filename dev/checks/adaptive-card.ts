// Checks a card with the official Adaptive Cards library, the one Teams' web client builds on:
// everything it warns about when parsing for schema 1.5 (unknown elements, newer features,
// invalid values) and what its own validation reports. The library's lib/ build does not load in
// Node 20 (extensionless ESM imports), so the bundled dist/ build is loaded instead.
import { createRequire } from "node:module";
import type * as AdaptiveCards from "adaptivecards";

const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js") as typeof AdaptiveCards;

/** Everything the library objects to in a card, as readable lines; empty when it is clean. */
export function cardProblems(card: object): string[] {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const e of parsed.validateProperties().validationEvents) problems.push(`validate: ${e.message}`);
  return problems;
}

/** Every piece of text a reader sees on a card (TextRuns, TextBlocks, action titles), in order. */
export function cardTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardTexts);
  if (!node || typeof node !== "object") return [];
  const o = node as Record<string, unknown>;
  const own = (o.type === "TextRun" || o.type === "TextBlock") && typeof o.text === "string" ? [o.text] : [];
  const title = typeof o.title === "string" && String(o.type).startsWith("Action.") ? [o.title] : [];
  return [...own, ...title, ...Object.entries(o).filter(([k]) => k !== "data").flatMap(([, v]) => cardTexts(v))];
}

export { AC as AdaptiveCardsLibrary };
