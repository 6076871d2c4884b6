// A vocabulary remembers the words it has looked up: the same answer every time, and a new
// vocabulary, not the remembered one, for knowledge with other words.
import { describe, expect, it } from "vitest";
import { loadKnowledge, type Knowledge } from "../../src/knowledge/load.js";
import { tokenize } from "../../src/text/normalise.js";
import { buildVocabulary } from "../../src/understanding/vocabulary.js";
import { KNOWLEDGE_DIR } from "../helpers/bot.js";

const loaded = loadKnowledge(KNOWLEDGE_DIR);
if (!loaded.ok) throw new Error("the knowledge does not load");
const k = loaded.knowledge;
const withEntryWord = (word: string): Knowledge => ({ ...k, entries: k.entries.map((e, i) => (i === 0 ? { ...e, words: [...e.words, word] } : e)) });
const matched = (v: ReturnType<typeof buildVocabulary>, text: string) => {
  const tokens = tokenize(text);
  return v.match(tokens, tokens.map(() => false)).map((h) => [h.start, h.targets, h.how]);
};

describe("the words a vocabulary has looked up", () => {
  it("are answered the same the second time, by knows and by match alike", () => {
    const v = buildVocabulary(k);
    const question = "Montako järjestöavustusta kummitussanoja Lapissa on?";
    const first = matched(v, question);
    expect(first.length).toBeGreaterThan(0);
    expect(matched(v, question)).toEqual(first);
    const words = tokenize(question).map((t) => t.word);
    const known = words.map((w) => v.knows(w));
    expect(known).toContain(true);
    expect(known).toContain(false);
    expect(words.map((w) => v.knows(w))).toEqual(known);
  });

  it("belong to their vocabulary: knowledge with a new word knows it, the old vocabulary still does not", () => {
    const old = buildVocabulary(k);
    expect(old.knows("kummitussanasta")).toBe(false);
    const added = buildVocabulary(withEntryWord("kummitussana"));
    expect(added).not.toBe(old);
    expect(added.knows("kummitussanasta")).toBe(true);
    expect(matched(added, "kummitussanasta")).toEqual([[0, [`entry:${k.entries[0]!.id}`], "exact"]]);
    expect(old.knows("kummitussanasta")).toBe(false);
  });
});
