// Decides what a question asks for, given what it names and (for follow-ups such as "entä
// Kainuun?" or "entä asukasta kohden?") the previous answer in the same conversation.
import type { Knowledge } from "../knowledge/load.js";
import type { RegionMention } from "./region-names.js";
import type { Understanding } from "./understand.js";

export type Section = "structures" | "highlights" | "tour";
const SECTIONS: Section[] = ["structures", "highlights", "tour"];

export type Plan =
  | { kind: "help" }
  | { kind: "region"; regionId: string; metrics: string[]; sections: Section[]; perResident: boolean; entryId?: string; readAs?: RegionMention }
  | { kind: "compare"; regionIds: string[]; metrics: string[]; perResident: boolean }
  | { kind: "ranking"; metric: string; least: boolean; perResident: boolean; countiesOnly: boolean; exclude: string[]; top: number; total: boolean }
  | { kind: "steps"; n?: number; regionId?: string }
  | { kind: "entry"; id: string; alternatives: string[] }
  | { kind: "ambiguous"; mention: RegionMention; metrics: string[] }
  | { kind: "unknown"; regionId?: string; years?: number[] };

/** An entry must be named by at least this much word weight to be answered. */
const ENTRY_MIN = 0.5;
const DEFAULT_TOP = 5;

export function planFor(u: Understanding, k: Knowledge, previous?: Plan): Plan {
  const g = u.groups;
  const resolved = u.regions.filter((m) => m.ids.length === 1);
  const regionIds = [...new Set(resolved.map((m) => m.ids[0]!))];
  const ambiguous = u.regions.find((m) => m.ids.length > 1);
  const sections = SECTIONS.filter((s) => g.has(s));
  const perResident = g.has("per-resident");
  const entries = u.entries.filter((e) => e.score >= ENTRY_MIN);
  const ranking = g.has("most") || g.has("least") || g.has("rank") || g.has("total");
  const stepN = u.stepNumbers.length === 1 ? u.stepNumbers[0] : u.ordinals.find((n) => n <= 5);
  // A step's own words ("yhteistyörakenne") ask for the step only when no region section is asked:
  // "Mitkä yhteistyörakenteet Etelä-Savossa on?" is about Etelä-Savo's structures.
  const asksSteps = u.steps || (u.stepNumbers.length > 0 && entries.length === 0 && !(regionIds.length > 0 && sections.length > 0));

  const followUp = previous && followUpPlan(u, previous, { regionIds, sections, perResident, ranking, stepN, entries: entries.length });
  if (followUp) return followUp;

  // "Itä-Suomessa" is a part of Finland the knowledge has no figures for: not the whole country.
  if (g.has("other-area") && regionIds.length === 0) return { kind: "unknown" };
  if (asksSteps) return { kind: "steps", ...(stepN ? { n: stepN } : {}), ...(regionIds.length === 1 ? { regionId: regionIds[0] } : {}) };
  if (ambiguous && regionIds.length === 0) return { kind: "ambiguous", mention: ambiguous, metrics: u.metrics };

  const defaultFor = (use: "size" | "per-resident") => k.metrics.find((m) => m.default_for === use)?.id;
  const sizeAsked = ranking && (g.has("county-word") || g.has("area-word"));
  const metric = u.metrics[0] ?? (perResident ? defaultFor("per-resident") : sizeAsked ? defaultFor("size") : undefined);
  // "Paljonko Lappi sai rahaa vuonna 2025?": a figure describing another year is not an answer.
  if (u.years.length > 0 && metric && !describesYear(k, regionIds, metric, u.years))
    return { kind: "unknown", years: u.years, ...(regionIds[0] ? { regionId: regionIds[0] } : {}) };
  // A ranking names no region, or only the one to leave out ("eniten ilman Helsinkiä").
  // An entry cannot answer "per resident": that is a ranking of the areas.
  if ((ranking || (perResident && regionIds.length === 0)) && metric && (regionIds.length === 0 || (regionIds.length === 1 && g.has("without")))) {
    return rankingPlan(u, metric, regionIds);
  }
  if (regionIds.length >= 2 && !g.has("without")) return { kind: "compare", regionIds, metrics: u.metrics, perResident };
  if (regionIds.length >= 1) {
    const regionId = regionIds[0]!;
    const readAs = resolved.find((m) => m.fuzzy || m.partial);
    // An entry rides along when it concerns this region, or when nothing narrower was asked
    // ("Kymenlaakson OLKA-toiminta"); "Milloin aluekierros oli Pirkanmaalla?" stays a date.
    const narrow = u.metrics.length > 0 || sections.length > 0;
    const entryId = entries.find((e) => k.entries.find((x) => x.id === e.id)?.regions.includes(regionId) || (!narrow && e.score >= 1))?.id;
    const asksSomething = u.metrics.length > 0 || sections.length > 0 || perResident || entryId;
    // A region named beside words the knowledge does not explain ("Pirkanmaan johtaja") is a
    // question about something else: say so rather than answer a different question.
    if (!asksSomething && u.unknown.length > 0 && !g.has("overview") && !g.has("figures-all")) return { kind: "unknown", regionId };
    return { kind: "region", regionId, metrics: u.metrics, sections, perResident, ...(entryId ? { entryId } : {}), ...(readAs ? { readAs } : {}) };
  }
  if (entries.length > 0) return { kind: "entry", id: entries[0]!.id, alternatives: entries.slice(1, 3).map((e) => e.id) };
  if (metric && (ranking || u.unknown.length === 0)) return rankingPlan(u, metric, [], !ranking);
  if ((g.has("help") || g.has("greeting") || g.has("thanks")) && u.unknown.length <= 1) return { kind: "help" };
  return { kind: "unknown" };
}

/** Whether the figures held for these regions (all regions when none is named) describe one of the years. */
function describesYear(k: Knowledge, regionIds: string[], metric: string, years: number[]): boolean {
  const regions = regionIds.length ? k.regions.filter((r) => regionIds.includes(r.id)) : k.regions;
  return regions.some((r) => {
    const raw = r.figures[metric];
    const facts = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    return facts.some((f) => years.includes(Number((f.as_of ?? k.sources.get(f.source)?.as_of ?? "").slice(0, 4))));
  });
}

function rankingPlan(u: Understanding, metric: string, regionIds: string[], all = false): Plan {
  const g = u.groups;
  const without = g.has("without") ? regionIds : [];
  const top = u.counts.find((n) => n > 1) ?? (all || g.has("rank") ? 30 : DEFAULT_TOP);
  return {
    kind: "ranking",
    metric,
    least: g.has("least") && !g.has("most"),
    perResident: g.has("per-resident"),
    countiesOnly: g.has("county-word") && !g.has("including"),
    exclude: without,
    top,
    total: g.has("total"),
  };
}

interface Named {
  regionIds: string[];
  sections: Section[];
  perResident: boolean;
  ranking: boolean;
  stepN: number | undefined;
  entries: number;
}

/** The regions an earlier answer was about: what "siellä" and "entä asukkaita?" refer to. */
function regionsOf(plan: Plan): string[] {
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
    default:
      return [];
  }
}

/** A short question that only changes one thing of the previous answer keeps the rest. */
function followUpPlan(u: Understanding, prev: Plan, n: Named): Plan | undefined {
  const g = u.groups;
  const asksTopic = u.metrics.length > 0 || n.sections.length > 0 || n.perResident;
  if (n.entries > 0 || u.steps || u.unknown.length > 1) return undefined;
  const prevRegions = regionsOf(prev);
  const prevMetrics = prev.kind === "region" || prev.kind === "compare" || prev.kind === "ambiguous" ? prev.metrics : prev.kind === "ranking" ? [prev.metric] : [];
  const prevSections = prev.kind === "region" ? prev.sections : [];
  const prevPer = prev.kind === "region" || prev.kind === "compare" || prev.kind === "ranking" ? prev.perResident : false;

  // "entä Kainuun?" — a new region, nothing else asked: keep what was asked before.
  if (n.regionIds.length > 0 && !asksTopic && !n.ranking && !g.has("overview") && !g.has("without") && !g.has("including") && prev.kind !== "entry" && prev.kind !== "help" && prev.kind !== "unknown") {
    if (prev.kind === "steps") return { kind: "steps", ...(prev.n ? { n: prev.n } : {}), regionId: n.regionIds[0]! };
    if (n.regionIds.length >= 2) return { kind: "compare", regionIds: n.regionIds, metrics: prevMetrics, perResident: prevPer };
    return { kind: "region", regionId: n.regionIds[0]!, metrics: prevMetrics, sections: prevSections, perResident: prevPer };
  }
  // "montako järjestöä siellä on?", "entä asukkaita?" — a new figure for the same region(s).
  if (n.regionIds.length === 0 && prevRegions.length > 0 && (asksTopic || g.has("more")) && !n.ranking) {
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
