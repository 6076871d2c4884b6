// Content words typed slightly wrong ("rahotus", "jarjestoavustukia") are read as the knowledge's
// own word when exactly one word of the knowledge is that close: one edit for words up to eight
// letters, two for longer ones, the first letter right. A word the knowledge does not have at all
// stays unknown, so a question about something else is not bent into one the knowledge answers.
import { editDistance } from "../text/normalise.js";

const MIN_LENGTH = 6;

export type TypoFixer = (word: string) => string | undefined;

export function createTypoFixer(words: Iterable<string>, sameWord: (a: string, b: string) => boolean): TypoFixer {
  // Words by first letter and length: a typo is looked for among words of about its length only.
  const byKey = new Map<string, string[]>();
  const known = new Set(words);
  for (const w of known) {
    if (w.length < MIN_LENGTH - 1 || /\d/.test(w)) continue;
    const key = w[0]! + w.length;
    const list = byKey.get(key);
    if (list) list.push(w);
    else byKey.set(key, [w]);
  }
  return (word) => {
    // Spoken Finnish drops the past tense's last vowel: "lupas", "anto", "sano" for "lupasi", "antoi", "sanoi".
    if (word.length >= 4 && known.has(`${word}i`)) return `${word}i`;
    // …and writes the partitive with a long vowel: "euroo", "avustuksii" for "euroa", "avustuksia".
    const partitive = /([aeiouy])\1$/.test(word) ? `${word.slice(0, -1)}a` : undefined;
    if (partitive && known.has(partitive)) return partitive;
    if (word.length < MIN_LENGTH) return undefined;
    const max = word.length >= 9 ? 2 : 1;
    let best: string[] = [];
    let bestD = max + 1;
    // Two edits that only shorten or lengthen a word make another word ("väestöraja", "väestöjä").
    const near = [-1, 0, 1].flatMap((d) => byKey.get(word[0]! + (word.length + d)) ?? []);
    for (const w of near) {
      const d = editDistance(word, w, max);
      if (d < bestD) (best = [w]), (bestD = d);
      else if (d === bestD) best.push(w);
    }
    // Several words at the same distance count as one only when they are forms of one word.
    if (bestD === 0 || best.length === 0 || !best.every((w) => sameWord(w, best[0]!))) return undefined;
    return best[0];
  };
}
