// How to ask, and the welcome said once when the bot joins a conversation, in the language asked
// for. Both fit one card or one Slack screen: a few lines of text and buttons that ask real
// questions. Examples are built from the knowledge (the first regions of the tour, the steps'
// title), so they stay true when the knowledge changes.
import type { Knowledge } from "../knowledge/load.js";
import { regionName } from "./figures.js";
import { HELP_PHRASES } from "./help-phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { labelIn, rankingSuggestion, topicSuggestion } from "./suggestions.js";

function tourRegions(k: Knowledge) {
  return [...k.regions].sort((x, y) => x.tour.order - y.tour.order);
}

/** The steps and the first region's profile: what most people ask first. */
function suggestStarters(b: ReplyBuilder, k: Knowledge): void {
  const [first] = tourRegions(k);
  if (k.steps) b.suggest(HELP_PHRASES[b.lang].stepsQuestion, HELP_PHRASES[b.lang].labels.steps);
  if (first) b.suggest(topicSuggestion(b.lang, regionName(first, b.lang), "overview"), labelIn(first.label, b.lang));
}

export function composeHelp(b: ReplyBuilder, k: Knowledge): void {
  const h = HELP_PHRASES[b.lang];
  const [first, second] = tourRegions(k).map((r) => regionName(r, b.lang));
  const ex = h.examples;
  b.title(h.helpTitle).paragraph(h.helpIntro);
  const line = ([topic, question]: [string, string]) => b.item(`${topic}: ${h.quote(question)}`);
  if (first) line([ex.figures[0], ex.figures[1](first)]);
  line(ex.ranking);
  if (first && second) line([ex.compare[0], ex.compare[1](first, second)]);
  if (k.steps) line(ex.step);
  if (second) line([ex.followUp[0], ex.followUp[1](second)]);
  suggestStarters(b, k);
  // The NGO count is the first counted figure that has a per-resident form.
  const ngos = k.metrics.find((m) => m.per_resident && m.unit === "count");
  if (ngos) b.suggest(rankingSuggestion(b.lang, b.t(ngos.name)), h.labels.ranking);
}

/** The welcome: what the bot knows, how to ask with one example, and buttons to start with. */
export function composeWelcome(b: ReplyBuilder, k: Knowledge): void {
  const h = HELP_PHRASES[b.lang];
  const [first] = tourRegions(k);
  const example = first ? h.quote(h.examples.figures[1](regionName(first, b.lang))) : h.quote(h.examples.ranking[1]);
  b.title(h.welcomeTitle).paragraph(h.welcomeKnows).paragraph(h.welcomeHowToAsk(example));
  suggestStarters(b, k);
  b.suggest(h.helpQuestion, h.labels.moreExamples);
}
