// A region's answer: the figures asked for (or all of them), per-resident figures, its
// cooperation structures, the tour's findings and the meeting date, each with its source.
import type { Knowledge, Region } from "../knowledge/load.js";
import type { Plan } from "../decision/plan.js";
import { addFigure, dividedFigure, formatDivided, perLabel, perOf, regionName } from "./figures.js";
import { formatDate } from "./format.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { topicLabel, topicSuggestion } from "./suggestions.js";

type RegionPlan = Extract<Plan, { kind: "region" }>;

export function composeRegion(b: ReplyBuilder, k: Knowledge, plan: RegionPlan, full = false): void {
  const region = k.regions.find((r) => r.id === plan.regionId)!;
  const p = PHRASES[b.lang];
  b.title(b.t(region.organisation)).entry(region.id);
  if (plan.readAs) b.paragraph((plan.readAs.partial ? p.partOf : p.readAs)(plan.readAs.written, b.t(region.organisation)));

  const overview = plan.metrics.length === 0 && plan.sections.length === 0;
  const metricIds = overview || (plan.perResident && plan.metrics.length === 0) ? k.metrics.map((m) => m.id) : plan.metrics;
  for (const id of metricIds) {
    const metric = k.metrics.find((m) => m.id === id);
    if (!metric) continue;
    const per = perOf(plan, metric);
    if (per) {
      const v = dividedFigure(k, region, metric, per);
      if (v === undefined) continue;
      b.fact(perLabel(b, metric, per), formatDivided(v, metric, b.lang, per));
    }
    if (!addFigure(b, k, region, metric) && !overview) b.paragraph(p.noFigure(b.t(metric.name), regionName(region, b.lang)));
  }
  if (overview || plan.sections.includes("tour")) {
    b.fact(p.tourDate, `${formatDate(region.tour.date, b.lang)} (${p.tourOrder(region.tour.order, k.regions.length)})`).source(region.tour.source);
  }
  // An overview shows the figures and the structures; the tour's findings are one click away.
  if (overview || plan.sections.includes("structures")) addStructures(b, region);
  if ((overview && full) || plan.sections.includes("highlights")) addHighlights(b, region);
  else if (overview && region.highlights.length) {
    b.more({ paragraphs: [`${p.highlights}:\n` + region.highlights.map((h) => `– ${b.t(h.text)}`).join("\n")], facts: [], items: [], ordered: false });
    region.highlights.forEach((h) => b.source(h.source));
  }

  const name = regionName(region, b.lang);
  if (!overview) b.suggest(topicSuggestion(b.lang, name, "overview"), topicLabel(b.lang, "overview"));
  if (!plan.perResident) b.suggest(topicSuggestion(b.lang, name, "per-resident"), topicLabel(b.lang, "per-resident"));
  if (!plan.sections.includes("structures") && !overview) b.suggest(topicSuggestion(b.lang, name, "structures"), topicLabel(b.lang, "structures"));
}

function addStructures(b: ReplyBuilder, region: Region): void {
  // Items, so that they follow the figures on every platform (paragraphs come first).
  for (const s of region.structures) {
    const d = s.description ? `: ${b.t(s.description)}` : "";
    b.item(`${capitalise(b.t(s.name))}${d}`);
    b.source(s.source);
  }
}

function addHighlights(b: ReplyBuilder, region: Region): void {
  for (const h of region.highlights) {
    b.item(b.t(h.text));
    b.source(h.source);
  }
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
