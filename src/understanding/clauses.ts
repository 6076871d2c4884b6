// A chat message is often more than one question: context first ("oon uus järjestötyöntekijä
// Rovaniemellä ja yritän hahmottaa kuvioita, …"), or two questions joined ("paljonko Lappi jakaa
// avustuksia ja onks siel kumppanuusavustuksia?"). A message is cut at sentence ends, and at a
// comma or a conjunction when a question word follows; a part that asks nothing is context.
import { cleanInflection, type Token } from "../text/normalise.js";

export interface Clause {
  /** Token range [start, end) of the message's tokens. */
  start: number;
  end: number;
  /** Asks something: holds a question word, or ends with a question mark. */
  question: boolean;
}

const CONJUNCTIONS = new Set(["ja", "seka", "mutta", "vai", "och", "men", "samt", "and", "but", "or", "eli"]);
/** A single word before the question is part of it ("kriisikeskusbarometri, kuinka moni…"), not a preamble. */
export const MIN_CONTEXT_TOKENS = 2;

/**
 * Finnish asks yes or no with the -ko clitic anywhere ("onko", "voiko"); Swedish and English put the
 * verb first ("Är det…", "Is there…"). So "Jag är med i en förening." says something: a yes/no verb
 * without the clitic asks only at the start of its clause, or right after a conjunction. A word
 * that also asks otherwise (`askingGroups`: the word's ask groups) asks anywhere.
 */
export function asksOnlyFirst(word: string, askingGroups: readonly string[]): boolean {
  return askingGroups.length === 1 && askingGroups[0] === "ask-yesno" && !/(ko|kö|han|hän)$/.test(word);
}

/** How the understander reads a message's words, as far as cutting it into clauses needs. */
export interface ClauseWords {
  /** Token i is a question word (one of the lexicon's ask groups, "kerro", "entä"…). */
  asks: (i: number) => boolean;
  /** Token i asks only at its clause's start (see asksOnlyFirst). */
  onlyFirst: (i: number) => boolean;
  /** Token i opens a question of its own after a conjunction ("…hallituksessa ja mietin, kuinka…"). */
  opens: (i: number) => boolean;
  /** Token i makes a request ("tarviin", "I need"): after a comma it starts a clause, though it asks nothing itself. */
  requests: (i: number) => boolean;
}

/** The message's clauses in order. */
export function clausesOf(text: string, tokens: Token[], words: ClauseWords): Clause[] {
  if (tokens.length === 0) return [];
  const cleaned = cleanInflection(text);
  const gap = (i: number) => cleaned.slice(tokens[i - 1]!.at + tokens[i - 1]!.raw.length, tokens[i]!.at);
  const digits = (i: number) => /^\d+$/.test(tokens[i]!.word);
  // Whether token i asks in a clause that starts at `start`.
  const asksIn = (i: number, start: number) =>
    i < tokens.length && words.asks(i) && (!words.onlyFirst(i) || i === start || (i === start + 1 && CONJUNCTIONS.has(tokens[start]!.word)));
  const anyAsk = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (asksIn(i, start)) return true;
    return false;
  };
  const cuts: number[] = [];
  const last = () => cuts.at(-1) ?? 0;
  // Where the current clause has a word that opens a question ("kysyi", "mietin"), if it has one.
  let opened = tokens.length > 0 && words.opens(0) ? 0 : -1;
  for (let i = 1; i < tokens.length; i++) {
    const between = gap(i);
    const conjunction = CONJUNCTIONS.has(tokens[i]!.word);
    // "7.4.2020" and "1,5" are numbers, not sentence ends.
    if (/[.?!;:]/.test(between) && !(digits(i - 1) && digits(i) && /^[.,]$/.test(between.trim()))) cuts.push(i);
    else if (/,/.test(between) && !(digits(i - 1) && digits(i)) && (asksIn(i, i) || words.opens(i) || words.requests(i) || (conjunction && asksIn(i + 1, i)))) cuts.push(i);
    else if (conjunction && ((asksIn(i + 1, i) && anyAsk(last(), i)) || words.opens(i + 1))) cuts.push(i);
    // "jäsen kysyi viime kokouksessa mikä alue…": the question starts at its question word.
    else if (opened >= last() && opened < i - 1 && asksIn(i, i) && !anyAsk(opened + 1, i)) cuts.push(i);
    if (words.opens(i)) opened = i;
  }
  const bounds = [0, ...cuts, tokens.length];
  const clauses: Clause[] = [];
  for (let c = 0; c + 1 < bounds.length; c++) {
    const start = bounds[c]!;
    const end = bounds[c + 1]!;
    if (start === end) continue;
    const after = end < tokens.length ? cleaned.slice(tokens[end - 1]!.at, tokens[end]!.at) : cleaned.slice(tokens[end - 1]!.at);
    clauses.push({ start, end, question: anyAsk(start, end) || after.includes("?") });
  }
  return clauses;
}

/**
 * Tokens of clauses that ask nothing while another clause asks: context, not the question. A
 * clause that points at the previous answer ("niistä kolmas, paljonko…") is part of the question
 * unless it says more of its own ("meillä pohditaan uudistusta.");
 * so is one that sets an operator and says nothing else ("ilman Helsinkiä, …"), while "teen
 * vertailua hallitukselle, …" is context: it has words of its own.
 */
export function contextTokens(
  clauses: Clause[],
  count: number,
  pointsBack: (i: number) => boolean,
  operator: (i: number) => boolean,
  own: (i: number) => boolean,
  content: (i: number) => boolean,
): boolean[] {
  const context = new Array<boolean>(count).fill(false);
  // "haluisin perustaa yhdistyksen, miten se tehdään?": a question of no words of its own asks
  // about what was said before it.
  const asksOwn = clauses.some((c) => c.question && Array.from({ length: c.end - c.start }, (_, k) => c.start + k).some(content));
  if (!asksOwn) return context;
  for (const c of clauses) {
    if (c.question || c.end - c.start < MIN_CONTEXT_TOKENS) continue;
    const range = Array.from({ length: c.end - c.start }, (_, k) => c.start + k);
    // "meillä pohditaan uudistusta." says where the asker is, with words of its own: context.
    const steers = (range.some(pointsBack) && !range.some((i) => content(i) && !pointsBack(i))) || (range.some(operator) && !range.some(own));
    if (!steers) context.fill(true, c.start, c.end);
  }
  return context;
}

/** A message read only as far as splitting it needs: its tokens, clauses and content words. */
export interface ClauseReading {
  tokens: Token[];
  clauses: Clause[];
  /** Whether token i carries content (not a function or question word). */
  content: (i: number) => boolean;
}

/**
 * The questions of a message: each asking clause with content of its own is one; context before
 * the first stays with it, and a clause without content ("ja milloin?") stays with its neighbour.
 */
export function questionParts(text: string, read: (text: string) => ClauseReading): string[] {
  const { tokens, clauses, content } = read(text);
  if (clauses.filter((c) => c.question).length < 2) return [text];
  const cleaned = cleanInflection(text);
  const slice = (start: number, end: number) => cleaned.slice(tokens[start]!.at, end < tokens.length ? tokens[end]!.at : undefined).trim();
  const parts: Array<{ start: number; end: number }> = [];
  for (const c of clauses) {
    let substantial = 0;
    for (let i = c.start; i < c.end; i++) if (content(i)) substantial++;
    // Context before the first question, and what has no content of its own, joins a neighbour.
    if (parts.length === 0) parts.push({ start: 0, end: c.end });
    else if (c.question && substantial >= 1 && asked(parts.at(-1)!)) parts.push({ start: c.start, end: c.end });
    else parts.at(-1)!.end = c.end;
  }
  function asked(p: { start: number; end: number }): boolean {
    return clauses.some((c) => c.question && c.start >= p.start && c.end <= p.end);
  }
  return parts.length > 1 ? parts.map((p) => slice(p.start, p.end)) : [text];
}
