// The tour's order and dates as questions: "Millä alueella aluekierros alkoi?", "Mikä alue
// tavattiin toisena / viimeisenä?", "Mikä hyvinvointialue tavattiin 5.5.2023?". Answered from
// each region file's tour date and order, never from a passage that lists them.
import type { Knowledge } from "../knowledge/load.js";
import type { Understanding } from "./understand.js";

const TOUR_ENTRY = "aluekierros";

/** The region the question picks out of the tour's sequence, if it asks for one. */
export function regionByTourOrder(u: Understanding, k: Knowledge, text: string): string | undefined {
  const g = u.groups;
  const aboutTour = g.has("tour") || u.entries.some((e) => e.id === TOUR_ENTRY);
  const asksRegion = u.asks === "which-region" || u.asks === "what" || u.asks === "none";
  if (!aboutTour || !asksRegion || u.regions.length > 0) return undefined;
  const byOrder = [...k.regions].sort((a, b) => a.tour.order - b.tour.order);
  const date = /\b(\d{1,2})\.(\d{1,2})\.(?:(\d{4}))?/.exec(text);
  if (date) {
    const [, d, m, y] = date;
    const hit = byOrder.find((r) => {
      const [ry, rm, rd] = r.tour.date.split("-").map(Number);
      return rd === Number(d) && rm === Number(m) && (!y || ry === Number(y));
    });
    return hit?.id;
  }
  if (g.has("last")) return byOrder.at(-1)?.id;
  if (g.has("first")) return byOrder[0]?.id;
  const n = u.ordinals.find((x) => x >= 1 && x <= byOrder.length);
  return n ? byOrder[n - 1]?.id : undefined;
}
