// Reading figures out of the knowledge: the newest fact first (older ones are mentioned, never
// dropped), values formatted for the asker's language, per-resident figures computed from data.
import type { Knowledge, Region } from "../knowledge/load.js";
import { NGO_METRIC, type Fact, type Language, type Metric } from "../knowledge/schema.js";
import { PHRASES } from "./phrases.js";
import { formatMoney, formatNumber } from "./format.js";
import type { ReplyBuilder } from "./reply-builder.js";

export function factsOf(k: Knowledge, region: Region, metricId: string): Fact[] {
  const raw = region.figures[metricId];
  if (!raw) return [];
  const list = Array.isArray(raw) ? raw : [raw];
  return [...list].sort((a, b) => asOf(k, b).localeCompare(asOf(k, a)));
}

export function asOf(k: Knowledge, f: Pick<Fact, "as_of" | "source">): string {
  return f.as_of ?? k.sources.get(f.source)?.as_of ?? "";
}

export function newest(k: Knowledge, region: Region, metricId: string): Fact | undefined {
  return factsOf(k, region, metricId)[0];
}

export function formatValue(value: number, unit: Metric["unit"], lang: Language, approx = false): string {
  const prefix = approx ? { fi: "noin ", sv: "cirka ", en: "about " }[lang] : "";
  switch (unit) {
    case "eur":
      return prefix + formatMoney(value, lang);
    case "percent":
      return `${prefix}${formatNumber(value, lang, Number.isInteger(value) ? 0 : 1)} %`;
    case "score":
      return prefix + formatNumber(value, lang, Number.isInteger(value) ? 0 : 1);
    case "person-years":
      return `${prefix}${formatNumber(value, lang)} ${{ fi: "henkilötyövuotta", sv: "årsverken", en: "person-years" }[lang]}`;
    default:
      return prefix + formatNumber(value, lang);
  }
}

/** Count metrics per 10 000 residents (one NGO per resident reads as 0,00); euros per resident. */
export const PER_COUNT = 10_000;

export function perResident(k: Knowledge, region: Region, metric: Metric): number | undefined {
  const v = newest(k, region, metric.id)?.value;
  const pop = newest(k, region, "population")?.value;
  if (v === undefined || !pop) return undefined;
  return metric.unit === "eur" ? v / pop : (v / pop) * PER_COUNT;
}

/** What a figure is divided by: the residents, or the NGOs ("avustukset per järjestö"). */
export type Per = "resident" | "ngo" | undefined;

export function perOf(plan: { perResident: boolean; perNgo?: boolean }, metric: Metric): Per {
  if (plan.perNgo && metric.id !== NGO_METRIC) return "ngo";
  return plan.perResident && metric.per_resident ? "resident" : undefined;
}

/** A region's figure divided as asked. */
export function dividedFigure(k: Knowledge, region: Region, metric: Metric, per: Exclude<Per, undefined>): number | undefined {
  if (per === "resident") return perResident(k, region, metric);
  const v = newest(k, region, metric.id)?.value;
  const ngos = newest(k, region, NGO_METRIC)?.value;
  return v === undefined || !ngos ? undefined : v / ngos;
}

/** A figure's name with what it is divided by: "Järjestöavustukset sote-järjestöä kohden". */
export function perLabel(b: ReplyBuilder, metric: Metric, per: Per): string {
  const p = PHRASES[b.lang];
  return per ? `${b.t(metric.name)} ${per === "ngo" ? p.perNgo : p.perResident}` : b.t(metric.name);
}

export function formatDivided(value: number, metric: Metric, lang: Language, per: Exclude<Per, undefined>): string {
  if (per === "resident") return formatPerResident(value, metric, lang);
  return metric.unit === "eur" ? formatMoney(Math.round(value), lang) : formatNumber(Math.round(value), lang);
}


export function formatPerResident(value: number, metric: Metric, lang: Language): string {
  if (metric.unit === "eur") return formatMoney(Math.round(value * 100) / 100, lang);
  const per = { fi: "/ 10 000 asukasta", sv: "/ 10 000 invånare", en: "per 10,000 residents" }[lang];
  // Per thousand too, and the same figure turned round, as people also ask them: one NGO for every N residents.
  const thousand = formatNumber(value / 10, lang, 1);
  const n = formatNumber(Math.round(PER_COUNT / value), lang);
  const other = { fi: `${thousand} / 1 000 asukasta, yksi ${n} asukasta kohden`, sv: `${thousand} per 1 000 invånare, en per ${n} invånare`, en: `${thousand} per 1,000 residents, one per ${n} residents` }[lang];
  return `${formatNumber(value, lang, 1)} ${per} (${other})`;
}

/** Adds a metric's figures for a region: the newest as a fact, older ones as a sentence each. */
export function addFigure(b: ReplyBuilder, k: Knowledge, region: Region, metric: Metric, label?: string): boolean {
  const facts = factsOf(k, region, metric.id);
  const [first, ...others] = facts;
  if (!first) return false;
  const plus = first.plus ? ` (${b.t(first.plus)})` : "";
  const note = first.note ? ` – ${b.t(first.note)}` : "";
  b.fact(label ?? b.t(metric.name), formatValue(first.value, metric.unit, b.lang, first.approx) + plus + note);
  b.source(first.source, first.describes);
  for (const o of others) {
    const src = k.sources.get(o.source);
    const value = formatValue(o.value, metric.unit, b.lang, o.approx) + (o.note ? ` – ${b.t(o.note)}` : "");
    const when = b.t(o.describes ?? src?.describes ?? o.as_of ?? "");
    b.note(`${b.t(metric.name)}: ${value} (${src ? b.t(src.title) : o.source}, ${when}).`);
    b.source(o.source, o.describes);
  }
  return true;
}

export function regionName(region: Region, lang: Language): string {
  return lang === "fi" ? region.names.fi : lang === "sv" ? region.names.sv : region.names.en;
}
