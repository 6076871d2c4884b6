// Numbers, money and dates the way each language writes them: "1,7 miljoonaa €" and
// "532 671" in Finnish, "1,7 miljoner €" in Swedish, "€1.7 million" and "532,671" in English.
import type { Language } from "../knowledge/schema.js";
import { remembered } from "../text/memo.js";

// Intl formatters are costly to create and cheap to reuse; answers show the same figures again
// and again, so each formatter also remembers what it wrote (a few thousand numbers at most).
const formatters = new Map<string, (n: number) => string>();
const NUMBERS_KEPT = 5_000;

export function formatNumber(n: number, lang: Language, decimals = 0): string {
  const key = `${lang}${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    const locale = lang === "en" ? "en-GB" : lang === "sv" ? "sv-FI" : "fi-FI";
    const intl = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    // Intl uses narrow no-break spaces and a minus sign; plain characters copy and search better.
    const write = (x: number) => intl.format(x).replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");
    const kept = remembered(NUMBERS_KEPT, write);
    // A Map takes 0 and -0 for one key, Intl does not ("-0"): zero is formatted every time.
    formatters.set(key, (f = (x) => (x === 0 ? write(x) : kept(x))));
  }
  return f(n);
}

const BIG: Record<Language, Array<[number, string, string]>> = {
  fi: [[1e9, "miljardi", "miljardia"], [1e6, "miljoona", "miljoonaa"]],
  sv: [[1e9, "miljard", "miljarder"], [1e6, "miljon", "miljoner"]],
  en: [[1e9, "billion", "billion"], [1e6, "million", "million"]],
};

/** Euros; millions and billions in words, small per-resident sums with cents. */
export function formatMoney(n: number, lang: Language): string {
  for (const [size, one, many] of BIG[lang]) {
    if (Math.abs(n) < size) continue;
    const scaled = n / size;
    const decimals = Number.isInteger(Math.round(scaled * 100) / 100) ? 0 : Math.round(scaled * 10) === scaled * 10 ? 1 : 2;
    const num = formatNumber(scaled, lang, decimals);
    const word = scaled === 1 ? one : many;
    return lang === "en" ? `€${num} ${word}` : `${num} ${word} €`;
  }
  const decimals = Math.abs(n) < 100 && !Number.isInteger(n) ? 2 : 0;
  const num = formatNumber(n, lang, decimals);
  return lang === "en" ? `€${num}` : `${num} €`;
}

const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2023-02-09" -> "9.2.2023" (fi, sv) or "9 February 2023" (en); "2023" stays "2023". */
export function formatDate(iso: string, lang: Language): string {
  const [y, m, d] = iso.split("-").map(Number);
  if (m === undefined) return String(y);
  if (d === undefined) return lang === "en" ? `${MONTHS_EN[m - 1]} ${y}` : `${m}/${y}`;
  return lang === "en" ? `${d} ${MONTHS_EN[m - 1]} ${y}` : `${d}.${m}.${y}`;
}
