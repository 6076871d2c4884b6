// Rankings ("eniten sote-järjestöjä", "pienin asukasta kohden", "ilman Helsinkiä"), filters
// ("yli 2 miljoonaa euroa") and comparisons of named regions, all computed from the region files
// at question time. The verdict comes first, then the rows, then how they were computed.
import type { Knowledge, Region } from "../knowledge/load.js";
import type { Fact, Metric } from "../knowledge/schema.js";
import type { Plan } from "../decision/plan.js";
import { dividedFigure, formatDivided, formatValue, newest, perLabel, perOf, regionName, type Per } from "./figures.js";
import { PHRASES } from "./phrases.js";
import type { ReplyBuilder } from "./reply-builder.js";
import { labelIn, rankingSuggestion, topicSuggestion } from "./suggestions.js";

type RankingPlan = Extract<Plan, { kind: "ranking" }>;
type ComparePlan = Extract<Plan, { kind: "compare" }>;

/**
 * One area's figure in a ranking or comparison. The text is made, and the source cited, only when
 * the row is shown: a ranking of thousands of areas shows a few.
 */
class Row {
  #shown: string | undefined;
  constructor(
    readonly region: Region,
    readonly value: number,
    private readonly b: ReplyBuilder,
    private readonly fact: Fact,
    private readonly metric: Metric,
    private readonly per: Per,
  ) {}
  get shown(): string {
    if (this.#shown === undefined) {
      const { b, fact, metric, per, value } = this;
      this.#shown = (per ? formatDivided(value, metric, b.lang, per) : formatValue(value, metric.unit, b.lang, fact.approx)) + (fact.plus && !per ? ` (${b.t(fact.plus)})` : "");
      b.source(fact.source, fact.describes);
    }
    return this.#shown;
  }
}

function rows(b: ReplyBuilder, k: Knowledge, regions: Region[], metric: Metric, per: Per): Row[] {
  const out: Row[] = [];
  for (const region of regions) {
    const fact = newest(k, region, metric.id);
    if (!fact) continue;
    const value = per ? dividedFigure(k, region, metric, per) : fact.value;
    if (value !== undefined) out.push(new Row(region, value, b, fact, metric, per));
  }
  return out;
}

export function composeRanking(b: ReplyBuilder, k: Knowledge, plan: RankingPlan): void {
  const p = PHRASES[b.lang];
  const metric = k.metrics.find((m) => m.id === plan.metric)!;
  const per = perOf(plan, metric);
  const cities = k.regions.filter((r) => r.type === "city");
  const pool = k.regions.filter((r) => !plan.exclude.includes(r.id) && !(plan.countiesOnly && r.type === "city") && (!plan.within || plan.within.includes(r.id)));
  let sorted = rows(b, k, pool, metric, per).sort((x, y) => (plan.least ? x.value - y.value : y.value - x.value));
  const name = perLabel(b, metric, per);
  if (plan.threshold) {
    const { op, value } = plan.threshold;
    sorted = sorted.filter((r) => (op === "above" ? r.value > value : r.value < value));
    b.title(p.filterTitle(name, op === "above", formatValue(value, per && metric.unit !== "eur" ? "count" : metric.unit, b.lang)));
    if (sorted.length === 0) b.paragraph(p.noneMatch);
  } else {
    b.title(p.rankingTitle(name, plan.least));
    const picked = plan.pick ? sorted[plan.pick - 1] : undefined;
    const leader = sorted[0];
    if (picked) b.paragraph(p.verdictNth(plan.pick!, plan.least, regionName(picked.region, b.lang), picked.shown)).entry(picked.region.id);
    else if (leader) b.paragraph(p.verdict(plan.least, regionName(leader.region, b.lang), leader.shown));
  }
  const shown = sorted.slice(0, plan.threshold ? sorted.length : Math.max(plan.top, plan.pick ?? 0));
  b.ordered();
  shown.forEach((r) => b.item(`${regionName(r.region, b.lang)}: ${r.shown}`).entry(r.region.id));

  // A total is a sum of the areas' own figures (shown with what it leaves out), never a national figure.
  if (plan.total && !per) {
    const sum = sorted.reduce((acc, r) => acc + r.value, 0);
    const plus = pool.some((r) => newest(k, r, metric.id)?.plus);
    const caution = metric.unit === "count" ? ` ${p.totalCount}` : "";
    b.note(p.total(formatValue(sum, metric.unit, b.lang), sorted.length) + (plus ? ` ${p.totalPlus}` : "") + caution);
  }
  // Only the regions named ("niistä", "X ja Y yhteensä"): the rest are not left out, just not asked.
  const leftOut = plan.within ? [] : cities.filter((c) => !pool.includes(c));
  const counties = k.regions.length - cities.length;
  if (!plan.within && leftOut.length === 0 && cities.length) b.note(p.includesCities(counties, cities.map((c) => b.t(c.organisation)).join(", ")));
  for (const city of leftOut) {
    // Left out because the question asked so ("ilman Helsinkiä"): no note, no figure.
    if (plan.exclude.includes(city.id)) continue;
    b.note(p.countiesOnly(regionName(city, b.lang)));
    const [row] = rows(b, k, [city], metric, per);
    if (row) b.note(`${regionName(city, b.lang)}: ${row.shown}.`);
  }
  if (per) b.note(per === "ngo" ? p.perNgoNote : p.perResidentNote);
  const leader = sorted[0];
  if (leader) b.suggest(topicSuggestion(b.lang, regionName(leader.region, b.lang), "overview"), labelIn(leader.region.label, b.lang));
  for (const m of k.metrics) if (m.id !== metric.id) b.suggest(rankingSuggestion(b.lang, b.t(m.name)), labelIn(m.label, b.lang));
}

export function composeCompare(b: ReplyBuilder, k: Knowledge, plan: ComparePlan): void {
  const p = PHRASES[b.lang];
  const regions = plan.regionIds.map((id) => k.regions.find((r) => r.id === id)!);
  const metrics = plan.metrics.length ? k.metrics.filter((m) => plan.metrics.includes(m.id)) : k.metrics;
  b.title(`${p.compareTitle}: ${regions.map((r) => regionName(r, b.lang)).join(" – ")}`);
  const columns = ["", ...regions.map((r) => regionName(r, b.lang))];
  const table: string[][] = [];
  for (const metric of metrics) {
    const per = perOf(plan, metric);
    const found = rows(b, k, regions, metric, per);
    const label = perLabel(b, metric, per);
    table.push([label, ...regions.map((r) => found.find((x) => x.region === r)?.shown ?? "–")]);
    // The verdict for a figure asked: which is larger (two regions, both with the figure).
    if (plan.metrics.length > 0 && found.length === 2) {
      const [x, y] = found.sort((a, c) => c.value - a.value) as [Row, Row];
      b.paragraph(x.value === y.value ? p.equal(regionName(x.region, b.lang), regionName(y.region, b.lang), label) : p.larger(regionName(x.region, b.lang), regionName(y.region, b.lang), label));
      // "Paljonko ero on?": the difference, in the figure's own unit.
      // (A count per resident is shown with its inverse, which a difference has not: no line for it.)
      if (x.value !== y.value && !(per === "resident" && metric.unit !== "eur")) b.paragraph(p.difference(per ? formatDivided(x.value - y.value, metric, b.lang, per) : formatValue(x.value - y.value, metric.unit, b.lang)));
    }
    found.forEach((row) => b.entry(row.region.id));
  }
  b.table({ columns, rows: table });
  for (const r of regions) b.suggest(topicSuggestion(b.lang, regionName(r, b.lang), "overview"), labelIn(r.label, b.lang));
}
