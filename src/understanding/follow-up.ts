// A follow-up edits the previous frame: what it does not say is kept. "entä Kainuun?" puts
// Kainuu into whatever was asked; "entä asukkaita?" asks another figure of the same regions with
// the same operator; "entä ilman Helsinkiä?" leaves Helsinki out of the same ranking; "niistä
// kolmas", "se viimeinen" and "kumpi niistä" bind to what the previous answer listed.
import { asksSomething, type Frame } from "./frame.js";

/** What a follow-up can point back at: the previous frame and what its answer listed. */
export interface Previous {
  frame: Frame;
  /** Regions the answer listed, in its order (a ranking's rows, a comparison's columns). */
  listedRegions: string[];
  /** The items of a listed answer that are not regions (themes, points), in order. */
  listedItems: string[];
  /** Regions of the conversation, the latest first: "kumpi niistä" after two single answers. */
  recentRegions: string[];
  /** The entry the previous answer came from, if one: a follow-up may ask more of it. */
  focus?: string;
  /**
   * The ranking the conversation's region was picked from ("siellä" after "eniten…"): "entä ilman
   * Helsinkiä?" about that region ranks again without it.
   */
  ranking?: Frame;
}

const WHAT: Array<keyof Frame> = ["metrics", "sections", "steps", "stepN", "entries", "terms", "topicWords", "counted", "countsFigure", "share"];
const OPERATOR: Array<keyof Frame> = ["ranking", "least", "most", "total", "top", "threshold", "compare"];

/** Reads a text's own topic (a listed item's words), as the question reader would. */
export type ReadTopic = (text: string) => Pick<Frame, "terms" | "topicWords" | "entries">;

/** The frame a message means in its conversation: the message's own frame, edited into the previous. */
export function continueFrame(f: Frame, prev: Previous | undefined, readTopic: ReadTopic): Frame {
  if (!prev) return f;
  const p = prev.frame;
  // "entä koko Suomessa?": the country's name is where, not what; the same figure is asked of it.
  const wholeCountry = f.followup && f.country && f.regions.length === 0 && f.metrics.length === 0 && p.metrics.length > 0;
  const own = asksSomething(f) && !wholeCountry;
  const picks = (f.pick !== undefined && (f.refers || f.followup) && !f.ranking) || (f.last && (prev.listedRegions.length > 1 || prev.listedItems.length > 1 || (p.steps && p.stepN === undefined)));
  const continues = f.followup || !own || picks || f.more;
  const kept: string[] = [];
  const out: Frame = { ...f, kept };
  // A follow-up that names no entry or region of its own may ask more of the same entry.
  if (prev.focus && f.entries.length === 0 && f.regions.length === 0) out.focus = prev.focus;
  // "mikä niistä on pienin?": a ranking of the regions just listed.
  if (f.refers && f.ranking && f.regions.length === 0 && prev.listedRegions.length >= 2) out.within = prev.listedRegions;

  // "meidän alueella", "here": the region the conversation is about, if it has one; a question
  // across regions ("– kaikki alueet", a ranking) keeps to all of them.
  if (f.here && f.regions.length === 0 && !f.ranking && !f.compare && !f.threshold && f.asks !== "which-region") {
    const region = p.regions.length === 1 ? p.regions : prev.recentRegions.slice(0, 1);
    if (region.length) (out.regions = region), kept.push("regions");
  }
  if (!continues) {
    // A new question; a pronoun or "there" still means the previous regions ("kuka sitä johtaa?"),
    // and "kumpi niistä…" the two the conversation was about.
    if (f.refers && f.regions.length === 0 && !f.ambiguous && f.compare) {
      out.regions = lastTwo(prev);
      kept.push("regions");
    } else if (f.refers && f.compare && f.regions.length === 1 && p.regions.length === 1 && p.regions[0] !== f.regions[0]) {
      // "Is its NGO count bigger than Pirkanmaa's?": the conversation's region against the one named.
      out.regions = [p.regions[0]!, f.regions[0]!];
      kept.push("regions");
    } else if ((f.refers || (f.countiesOnly && f.topicWords.length > 0 && p.regions.length === 1)) && f.regions.length === 0 && !f.ambiguous && !f.ranking) {
      // "montako työntekijää hyvinvointialueella on?" right after an answer about one county: that county.
      // After a ranking or a "which region" answer, "siellä" is the region it named first.
      out.regions = p.regions.length ? p.regions : prev.listedRegions.slice(0, 1);
      if (out.regions.length) kept.push("regions");
    }
    if (f.refers && f.entries.length === 0 && p.entries.length > 0 && f.metrics.length === 0) {
      out.entries = p.entries;
      kept.push("entries");
    }
    return out;
  }

  // "entä ilman Helsinkiä?" when the answer was Helsinki, picked from a ranking: the ranking again
  // without it.
  if (prev.ranking && f.exclude.length && !own && p.regions.length === 1 && f.exclude.includes(p.regions[0]!)) {
    for (const key of [...OPERATOR, ...WHAT]) copy(out, prev.ranking, key);
    out.asks = prev.ranking.asks;
    out.perResident = prev.ranking.perResident;
    out.perNgo = prev.ranking.perNgo;
    out.regions = [];
    kept.push("what", "operator");
    return out;
  }

  // What is asked: the message's own, else the previous question's.
  if (!own) {
    for (const key of WHAT) copy(out, p, key);
    if (f.asks === "none" || f.asks === "what") out.asks = p.asks;
    kept.push("what");
  }
  const sameWhat = !own || (f.metrics.length > 0 && f.metrics.join() === p.metrics.join() && f.topicWords.length === 0);

  // Which regions: named ones, else the one picked from the previous list, else the previous ones.
  // "se viimeinen" picks from a list of several; an answer about one region is not a list.
  const lastOf = Math.max(prev.listedRegions.length > 1 ? prev.listedRegions.length : 0, prev.listedItems.length, p.steps && p.stepN === undefined ? 5 : 0);
  const pick = f.pick !== undefined && (f.refers || f.followup) && !f.ranking ? f.pick : f.last && lastOf > 0 ? lastOf : undefined;
  if (f.regions.length > 0) {
    // "onks se isompi ku Keski-Uusimaa?": the previous region against the one named.
    // "hur många fler är det i Helsingfors?" right after Helsinki's own figure: against the region before it.
    const other = f.regions.length === 1 ? prev.recentRegions.find((r) => r !== f.regions[0]) : undefined;
    if (f.compare && (f.refers || f.followup || !own) && p.regions.length === 1 && !f.regions.includes(p.regions[0]!)) out.regions = [p.regions[0]!, ...f.regions];
    else if (f.compare && !own && p.regions.length === 1 && other) out.regions = [other, ...f.regions];
  } else if (pick !== undefined && p.steps && p.stepN === undefined && prev.listedRegions.length === 0 && pick <= 5) {
    out.steps = true;
    out.stepN = pick;
    kept.push("list");
  } else if (pick !== undefined && pick <= prev.listedRegions.length) {
    out.regions = [prev.listedRegions[pick - 1]!];
    kept.push("list");
  } else if (pick !== undefined && pick <= prev.listedItems.length && !own) {
    // "mitä se viides tarkoittaa?": the fifth item's own words become the topic.
    Object.assign(out, readTopic(prev.listedItems[pick - 1]!));
    kept.push("list");
  } else if (f.compare && (f.refers || f.followup || !own) && p.regions.length < 2) {
    out.regions = lastTwo(prev);
    kept.push("regions");
  } else if (wholeCountry) {
    out.regions = [];
  } else if (!f.ranking || p.regions.length > 0) {
    out.regions = p.regions;
    if (!f.ambiguous && p.ambiguous) out.ambiguous = p.ambiguous;
    if (p.regions.length) kept.push("regions");
  }

  // The operator: kept unless the message names regions of its own or says another.
  if (f.regions.length === 0 && !picks) {
    for (const key of OPERATOR) if (!set(f, key)) copy(out, p, key);
    if (f.most) out.least = false;
    if (f.least) out.least = true;
    kept.push("operator");
  }
  out.perResident = f.perResident || (sameWhat && p.perResident);
  out.perNgo = f.perNgo || (sameWhat && p.perNgo);
  out.exclude = f.including ? [] : f.exclude.length ? f.exclude : p.exclude;
  out.countiesOnly = f.including ? false : f.countiesOnly || p.countiesOnly;
  out.areaWord = f.areaWord || p.areaWord;
  if (f.years.length === 0 && !own) out.years = p.years;
  return out;
}

/** "kumpi niistä": the regions the previous answer listed, or the last two the conversation was about. */
function lastTwo(prev: Previous): string[] {
  if (prev.listedRegions.length >= 2) return prev.listedRegions;
  const recent = prev.recentRegions.slice(0, 2).reverse();
  return recent.length >= 2 ? recent : prev.frame.regions;
}

function set(f: Frame, key: keyof Frame): boolean {
  const v = f[key];
  return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== false;
}

function copy(to: Frame, from: Frame, key: keyof Frame): void {
  if (from[key] === undefined) delete to[key];
  else (to as unknown as Record<string, unknown>)[key] = from[key];
}
