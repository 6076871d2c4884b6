// How to ask, and the welcome said once when the bot joins a conversation: in the language asked
// for, with examples built from the knowledge (the first region of the tour, the steps' title).
import type { Knowledge } from "../knowledge/load.js";
import { regionName } from "./figures.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { rankingSuggestion, topicSuggestion } from "./suggestions.js";

export function composeHelp(b: ReplyBuilder, k: Knowledge): void {
  const p = PHRASES[b.lang];
  b.title(p.helpTitle).paragraph(p.canHelpWith).paragraph(p.helpIntro);
  p.helpTopics.forEach((t) => b.item(t));
  const first = [...k.regions].sort((x, y) => x.tour.order - y.tour.order)[0];
  const grants = k.metrics.find((m) => m.per_resident) ?? k.metrics[0];
  if (k.steps) b.suggest(b.t(k.steps.title));
  if (first) b.suggest(topicSuggestion(b.lang, regionName(first, b.lang), "overview"));
  if (grants) b.suggest(rankingSuggestion(b.lang, b.t(grants.name)));
}


/** The welcome: what the bot knows and how to ask (for now the help text). */
export function composeWelcome(b: ReplyBuilder, k: Knowledge): void {
  composeHelp(b, k);
}
