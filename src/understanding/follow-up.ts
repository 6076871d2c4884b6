// Follow-ups: a short question that changes one thing of the previous answer keeps the rest
// ("entä Kainuun?", "entä asukasta kohden?", "entä vähiten?"), and a pronoun or an ordinal points
// back at what that answer was about ("paljonko ne jakaa avustuksia?", "se viimeinen").
import type { Plan, Section } from "./plan.js";
import type { Understanding } from "./understand.js";

interface Named {
  regionIds: string[];
  sections: Section[];
  perResident: boolean;
  ranking: boolean;
  stepN: number | undefined;
  entries: number;
}

/** The regions an earlier answer was about: what "siellä", "ne" and "entä asukkaita?" refer to. */
export function regionsOf(plan: Plan): string[] {
  switch (plan.kind) {
    case "region":
      return [plan.regionId];
    case "compare":
      return plan.regionIds;
    case "ambiguous":
      return plan.mention.ids;
    case "unknown":
    case "steps":
      return plan.regionId ? [plan.regionId] : [];
    case "passages":
      return plan.regionId ? [plan.regionId] : [...new Set(plan.hits.map((h) => h.passage.regionId).filter((r): r is string => !!r))].slice(0, 1);
    case "more":
      return regionsOf(plan.of);
    default:
      return [];
  }
}

export function followUpPlan(u: Understanding, prev: Plan, n: Named): Plan | undefined {
  const g = u.groups;
  const refers = g.has("refer") || g.has("there") || g.has("last") || g.has("followup");
  const asksTopic = u.metrics.length > 0 || n.sections.length > 0 || n.perResident;
  const prevRegions = regionsOf(prev);
  const prevMetrics = prev.kind === "region" || prev.kind === "compare" || prev.kind === "ambiguous" ? prev.metrics : prev.kind === "ranking" ? [prev.metric] : [];
  const prevSections = prev.kind === "region" ? prev.sections : [];
  const prevPer = prev.kind === "region" || prev.kind === "compare" || prev.kind === "ranking" ? prev.perResident : false;

  // "se viimeinen", "toinen niistä" after the list of steps: that step.
  if (prev.kind === "steps" && !prev.n && n.regionIds.length === 0 && (g.has("last") || (refers && n.stepN))) return { kind: "steps", n: g.has("last") ? 5 : n.stepN! };
  // "paljonko ne jakaa avustuksia?", "montako järjestöä siellä on?": a figure of the same region(s),
  // even when the figure's word also names a concept ("järjestöavustus").
  if (n.regionIds.length === 0 && prevRegions.length > 0 && u.metrics.length > 0 && (refers || u.topicWords.length === 0) && !n.ranking) {
    return prevRegions.length === 1
      ? { kind: "region", regionId: prevRegions[0]!, metrics: u.metrics, sections: [], perResident: n.perResident }
      : { kind: "compare", regionIds: prevRegions, metrics: u.metrics, perResident: n.perResident };
  }
  if (n.entries > 0 || u.steps || u.topicWords.length > 0) return undefined;

  // "entä Kainuun?" — a new region, nothing else asked: keep what was asked before.
  if (n.regionIds.length > 0 && !asksTopic && !n.ranking && !g.has("overview") && !g.has("without") && !g.has("including") && u.topicWords.length === 0 && prev.kind !== "entry" && prev.kind !== "help" && prev.kind !== "unknown" && prev.kind !== "more") {
    if (prev.kind === "steps") return { kind: "steps", ...(prev.n ? { n: prev.n } : {}), regionId: n.regionIds[0]! };
    if (prev.kind === "passages") return undefined;
    if (n.regionIds.length >= 2) return { kind: "compare", regionIds: n.regionIds, metrics: prevMetrics, perResident: prevPer };
    return { kind: "region", regionId: n.regionIds[0]!, metrics: prevMetrics, sections: prevSections, perResident: prevPer };
  }
  // "entä asukkaita?" — a new figure for the same region(s).
  if (n.regionIds.length === 0 && prevRegions.length > 0 && (asksTopic || g.has("more")) && !n.ranking && u.topicWords.length === 0) {
    const metrics = u.metrics.length > 0 ? u.metrics : n.perResident ? prevMetrics : [];
    if (prevRegions.length === 1 || prev.kind === "compare")
      return prevRegions.length === 1
        ? { kind: "region", regionId: prevRegions[0]!, metrics, sections: n.sections, perResident: n.perResident }
        : { kind: "compare", regionIds: prevRegions, metrics, perResident: n.perResident };
  }
  // "entä vähiten?", "entä asukasta kohden?", "entä ilman Helsinkiä?" after a ranking.
  if (prev.kind === "ranking" && (n.ranking || n.perResident || g.has("without") || g.has("including") || u.metrics.length > 0)) {
    return {
      ...prev,
      metric: u.metrics[0] ?? prev.metric,
      least: g.has("least") ? true : g.has("most") ? false : prev.least,
      perResident: n.perResident || (prev.perResident && u.metrics.length === 0),
      exclude: g.has("without") ? n.regionIds : prev.exclude,
      countiesOnly: g.has("including") ? false : g.has("county-word") || prev.countiesOnly,
    };
  }
  // "entä toinen?" after the steps.
  if (prev.kind === "steps" && n.stepN && !asksTopic && n.regionIds.length === 0) return { ...prev, n: n.stepN };
  return undefined;
}
