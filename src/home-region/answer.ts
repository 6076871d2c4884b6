// The home region: the region a channel, a Slack workspace or a Teams tenant is about, set by a
// coordinator ("kotialue Pirkanmaa", see src/home-region/) and handed in on IncomingMessage. A
// question that points at the asker's own place ("montako sote-järjestöä meillä on?", "here",
// "här": the lexicon's `home` group) and names no region is answered for the home region; the
// reply says so in one line and offers the same question about all regions. A question that
// names a region or a part of Finland, or asks across regions (a ranking, a comparison, a
// threshold, "which region"), is never changed.
import { renderText } from "../answers/reply-builder.js";
import type { Knowledge } from "../knowledge/load.js";
import type { Language, Reply } from "../seam.js";
import type { Understanding } from "../understanding/understand.js";

const WORDS: Record<Language, { using: (name: string) => string; unset: string; allLabel: string; all: string }> = {
  fi: { using: (name) => `Kotialueena ${name}.`, unset: "Kysymys ei nimennyt aluetta, joten vastaus koskee kaikkia alueita.", allLabel: "Kaikki alueet", all: "kaikki alueet" },
  sv: { using: (name) => `Hemområde: ${name}.`, unset: "Frågan nämnde inget område, så svaret gäller alla områden.", allLabel: "Alla områden", all: "alla områden" },
  en: { using: (name) => `Home region: ${name}.`, unset: "The question named no region, so the answer covers all regions.", allLabel: "All regions", all: "all regions" },
};

/** Groups that make a question about many regions at once: no home region narrows it. */
const ACROSS_REGIONS = ["most", "least", "rank", "compare", "above", "below", "other-area"];

export interface HomeRegionUse {
  /** What to plan from: the question with the home region as the region it names, when it applies. */
  understanding: Understanding;
  /**
   * The composed reply with the home-region line (and the all-regions button) when it applied.
   * Without a home region the conversation's region may have served (`regionFound`); only an
   * answer that found none says it covers all regions.
   */
  note(reply: Reply, regionFound: boolean): Reply;
}

/** Whether a question points at the asker's own place and leaves the region to the home region. */
export function asksAboutHome(u: Understanding): boolean {
  return u.groups.has("home") && u.regions.length === 0 && !u.threshold && u.asks !== "which-region" && !ACROSS_REGIONS.some((g) => u.groups.has(g));
}

/**
 * Applies the home region (a region id, or undefined where none is set) to one question.
 * `question` is the text as asked: the all-regions button asks it again with "kaikki alueet"
 * ("alla områden", "all regions") added, which the lexicon reads as a question across regions.
 */
export function useHomeRegion(u: Understanding, homeRegion: string | undefined, k: Knowledge, question: string): HomeRegionUse {
  const unchanged = { understanding: u, note: (reply: Reply) => reply };
  if (!asksAboutHome(u)) return unchanged;
  const region = homeRegion ? k.regions.find((r) => r.id === homeRegion) : undefined;
  if (!region) return { understanding: u, note: (reply, found) => (reply.answered && !found ? withNote(reply, WORDS[reply.language].unset) : reply) };
  const mention = { ids: [region.id], start: -1, end: -1, written: region.names.fi, fuzzy: false, partial: false };
  return {
    understanding: { ...u, regions: [mention] },
    note(reply) {
      const w = WORDS[reply.language];
      const all = { label: w.allLabel, question: `${question.trim()} – ${w.all}` };
      return withNote({ ...reply, suggestions: [all, ...reply.suggestions] }, w.using(region.names[reply.language]));
    },
  };
}

function withNote(reply: Reply, line: string): Reply {
  const noted = { ...reply, notes: [line, ...reply.notes] };
  return { ...noted, text: renderText(noted) };
}
