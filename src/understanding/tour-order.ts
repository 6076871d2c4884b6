// The tour's order and dates as questions: "Millä alueella aluekierros alkoi?", "Mikä alue
// tavattiin toisena / viimeisenä?", "Mikä hyvinvointialue tavattiin 5.5.2023?", and "mikä niistä
// oli viimeinen?" after a question about the tour. Answered from each region file's tour date and
// order, never from a passage that lists them. Read from the frame after the conversation has
// edited it, so a follow-up keeps the tour as its subject.
import type { Knowledge } from "../knowledge/load.js";
import type { Frame } from "./frame.js";

/** The entry about the tour as a whole: naming it asks about the tour. */
export const TOUR_ENTRY = "aluekierros";

/** "9.2.", "5.5.2023": a date in the question. */
export function readDate(text: string): { day: number; month: number; year?: number } | undefined {
  const m = /\b(\d{1,2})\.(\d{1,2})\.(?:(\d{4}))?/.exec(text);
  return m ? { day: Number(m[1]), month: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) } : undefined;
}

/**
 * Whether the frame is about the tour itself (its meetings, or the tour as a topic). A tour named
 * only as the source ("Kainuun asukasluku aluekierroksen mukaan") is whose figure it is, not the topic.
 */
export function aboutTour(f: Frame): boolean {
  const named = f.terms.filter((t) => t.from.includes(`entry:${TOUR_ENTRY}`));
  const onlySource = named.length > 0 && named.every((t) => t.weak);
  return f.sections.includes("tour") || (f.entries.includes(TOUR_ENTRY) && !onlySource);
}

/** The region the frame picks out of the tour's sequence, if it asks for one. */
export function regionByTourOrder(f: Frame, k: Knowledge): string | undefined {
  const asksRegion = f.asks === "which-region" || f.asks === "what" || f.asks === "none";
  if (!aboutTour(f) || !asksRegion || f.regions.length > 0) return undefined;
  const byOrder = [...k.regions].sort((a, b) => a.tour.order - b.tour.order);
  if (f.date) {
    const { day, month, year } = f.date;
    return byOrder.find((r) => {
      const [ry, rm, rd] = r.tour.date.split("-").map(Number);
      return rd === day && rm === month && (!year || ry === year);
    })?.id;
  }
  if (f.last) return byOrder.at(-1)?.id;
  if (f.first) return byOrder[0]?.id;
  const n = f.pick;
  return n && n <= byOrder.length ? byOrder[n - 1]?.id : undefined;
}
