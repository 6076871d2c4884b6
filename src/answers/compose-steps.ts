// The five steps to working NGO cooperation: all of them, or one with why it matters and what
// the 2023 tour found on it (from the steps tags on region structures and highlights).
import type { Knowledge } from "../knowledge/load.js";
import type { Plan } from "../decision/plan.js";
import { regionName } from "./figures.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { labelIn } from "./suggestions.js";

type StepsPlan = Extract<Plan, { kind: "steps" }>;
const MAX_REGION_NOTES = 6;

/**
 * The steps: all five as a list of titles (what each means and where the list comes from are one
 * click away), or one step in full. `full` shows every step with its meaning ("kerro lisää").
 */
export function composeSteps(b: ReplyBuilder, k: Knowledge, plan: StepsPlan, full = false): boolean {
  const steps = k.steps;
  if (!steps) return false;
  const p = PHRASES[b.lang];
  b.entry(steps.id);
  steps.sources.forEach((s) => b.source(s));
  const step = plan.n ? steps.steps.find((s) => s.n === plan.n) : undefined;
  if (!step) {
    b.title(b.t(steps.title)).ordered();
    if (full) {
      steps.steps.forEach((s) => b.item(`${b.t(s.title)} – ${b.t(s.meaning)}`));
      b.note(b.t(steps.summary));
    } else {
      steps.steps.forEach((s) => b.item(b.t(s.title)));
      b.more({ paragraphs: [b.t(steps.summary)], facts: [], items: steps.steps.map((s) => `${b.t(s.title)} – ${b.t(s.meaning)}`), ordered: true });
    }
    for (const s of steps.steps.slice(0, 2)) b.suggest(`${p.stepTitle(s.n)}: ${b.t(s.title)}`, p.stepTitle(s.n));
    return true;
  }
  b.title(`${p.stepTitle(step.n)}/5: ${b.t(step.title)}`).paragraph(b.t(step.meaning)).paragraph(`${p.whyItMatters}: ${b.t(step.why)}`);
  const regions = plan.regionId ? k.regions.filter((r) => r.id === plan.regionId) : k.regions;
  const notes: string[] = [];
  for (const r of regions) {
    for (const s of r.structures.filter((x) => x.steps?.includes(step.n))) notes.push(`${regionName(r, b.lang)}: ${b.t(s.name)}${s.description ? ` – ${b.t(s.description)}` : ""}`);
    for (const h of r.highlights.filter((x) => x.steps?.includes(step.n))) notes.push(`${regionName(r, b.lang)}: ${b.t(h.text)}`);
  }
  if (notes.length) {
    b.paragraph(`${p.regionsOnStep}:\n` + notes.slice(0, plan.regionId ? notes.length : MAX_REGION_NOTES).map((n) => `– ${n}`).join("\n"));
    b.source(regions[0]!.tour.source);
  }
  step.sources.forEach((s) => b.source(s));
  const next = steps.steps.find((s) => s.n === step.n + 1);
  if (next) b.suggest(`${p.stepTitle(next.n)}: ${b.t(next.title)}`, p.stepTitle(next.n));
  b.suggest(b.t(steps.title), labelIn(steps.label, b.lang));
  return true;
}
