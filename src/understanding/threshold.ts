// A condition on a figure: "yli 2 miljoonaa euroa", "alle 100 000 €", "more than €1.5 million",
// "över 500 organisationer". The number is read as written, with its scale word.
import { fold } from "../text/normalise.js";

export interface Threshold {
  op: "above" | "below";
  value: number;
}

const SCALE: Array<[RegExp, number]> = [
  [/^(miljardi|miljardia|mrd|billion|billions|miljard|miljarder)\b/, 1e9],
  [/^(miljoona|miljoonaa|milj|million|millions|miljon|miljoner|m)\b/, 1e6],
  [/^(tuhat|tuhatta|thousand|tusen|k)\b/, 1e3],
];

/** Reads the first threshold in the text, when the question has an above/below word. */
export function readThreshold(text: string, groups: Set<string>): Threshold | undefined {
  if (!groups.has("above") && !groups.has("below")) return undefined;
  const t = fold(text).replace(/[\u00a0\u202f]/g, " ");
  const words = "(yli|over|more than|above|at least|greater than|vahintaan|ainakin|enemman kuin|suurempi kuin|mer an|alle|under|less than|below|at most|fewer than|enintaan|korkeintaan|vahemman kuin|pienempi kuin|mindre an|farre an)";
  // "yli miljoona euroa": a scale word alone is one of it.
  const m = new RegExp(`\\b${words}\\s+(€\\s*)?(\\d{1,3}(?:[ ,.]\\d{3})+|\\d+(?:[.,]\\d+)?|(?=(?:miljoona|miljardi|million|billion|miljon|miljard)\\b))\\s*(.*)$`).exec(t);
  if (!m) return undefined;
  const op = /^(alle|under|less|below|at most|fewer|enintaan|korkeintaan|vahemman|pienempi|mindre|farre)/.test(m[1]!) ? "below" : "above";
  const raw = m[3]!;
  // "2 000 000" and "2,000,000" group thousands; "1,5" and "1.5" are decimals.
  const grouped = /^\d{1,3}(?:[ ,.]\d{3})+$/.test(raw) && !/^\d+[.,]\d{1,2}$/.test(raw);
  const number = raw === "" ? 1 : grouped ? Number(raw.replace(/[ ,.]/g, "")) : Number(raw.replace(",", "."));
  const scale = SCALE.find(([re]) => re.test(m[4]!.trim()))?.[1] ?? 1;
  return Number.isFinite(number) ? { op, value: number * scale } : undefined;
}
