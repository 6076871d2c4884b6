// Turns what people type into comparable words: lower case, ä/ö/å folded (many type without
// them), hyphens and spaces alike, "STEA:n" -> "stea", "Lapland's" -> "laplands".

export interface Token {
  /** Folded word: lower case, no diacritics. */
  word: string;
  /** The word as typed, for rules that need capitalisation ("Sata" the county vs "sata" = 100). */
  raw: string;
  /** Where the word starts in the text (after ":n" and "'s" are dropped), for clause boundaries. */
  at: number;
}

const FOLD: Record<string, string> = { ä: "a", ö: "o", å: "a", é: "e", è: "e", ü: "u", á: "a", š: "s", ž: "z" };

export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Most words are plain ASCII: nothing to compose or fold.
  if (!/[^\x00-\x7f]/.test(lower)) return lower;
  return lower.normalize("NFC").replace(/[äöåéèüášž]/g, (c) => FOLD[c] ?? c);
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const cleaned = cleanInflection(text);
  for (const m of cleaned.matchAll(/[\p{L}\p{N}]+/gu)) tokens.push({ word: fold(m[0]), raw: m[0], at: m.index });
  return tokens;
}

/**
 * ":n", ":ssa" after abbreviations and "'s" are inflection, not words of their own; "35 000" and
 * "35,000" are one number. Offsets change only where digits join, which clause cutting tolerates.
 */
export function cleanInflection(text: string): string {
  let t = text;
  // Not \b: it knows only ASCII letters, so ":tä" would end after "t" and leave "ä" behind.
  if (t.includes(":")) t = t.replace(/(\p{L}):\p{L}{1,4}(?![\p{L}\p{N}])/gu, "$1");
  if (t.includes("'") || t.includes("’")) t = t.replace(/(\p{L})['’]s\b/gu, "$1s");
  if (/\d[ \u00a0\u202f,]\d{3}/.test(t)) for (let i = 0; i < 3; i++) t = t.replace(/(\d)[ \u00a0\u202f,](\d{3})(?!\d)/g, "$1$2");
  return t;
}

/** Folds a whole phrase to its comparable key: "Itä-Uusimaa" -> "ita uusimaa". */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.word)
    .join(" ");
}

// Finnish enclitic particles that attach to any word: "Lapissakin", "onko", "Kainuunhan".
const CLITICS = ["kaan", "kin", "han", "ko", "pa"];

/** The word without a trailing clitic, or undefined when it has none worth removing. */
export function stripClitic(word: string): string | undefined {
  for (const c of CLITICS) if (word.length > c.length + 3 && word.endsWith(c)) return word.slice(0, -c.length);
  return undefined;
}

/** Damerau-Levenshtein distance, stopping early once it exceeds max (typos are rare and short). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows reused from call to call: typo matching runs this for many word pairs per question.
  if (rows[0].length <= b.length) rows = [new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2), new Int32Array(b.length * 2 + 2)];
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[b.length]!;
}
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
