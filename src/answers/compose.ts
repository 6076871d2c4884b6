// From a plan to a Reply: one composer per kind of answer. Whatever the kind, the reply carries
// its sources and the dates they describe (added by the composers through the builder).
import type { Knowledge } from "../knowledge/load.js";
import type { Language } from "../knowledge/schema.js";
import type { Plan } from "../decision/plan.js";
import type { Understanding } from "../understanding/understand.js";
import type { Passage } from "../retrieval/passages.js";
import type { Reply } from "../seam.js";
import { composeEntry } from "./compose-entry.js";
import { composePassages } from "./compose-passages.js";
import { composeHelp } from "./compose-help.js";
import { composeAmbiguous, composeAskRegion, composeUnknown } from "./compose-unknown.js";
import { composeCompare, composeRanking } from "./compose-ranking.js";
import { composeRegion } from "./compose-region.js";
import { composeSteps } from "./compose-steps.js";
import { createReplyBuilder } from "./reply-builder.js";

export function composeReply(k: Knowledge, plan: Plan, u: Understanding, lang: Language, passages: Passage[]): Reply {
  const b = createReplyBuilder(k, lang);
  switch (plan.kind) {
    case "passages":
      composePassages(b, k, plan, passages);
      break;
    case "more":
      return composeMore(k, plan.of, u, lang, passages);
    case "region":
      composeRegion(b, k, plan);
      break;
    case "ranking":
      composeRanking(b, k, plan);
      break;
    case "compare":
      composeCompare(b, k, plan);
      break;
    case "steps":
      if (!composeSteps(b, k, plan)) return composeReply(k, { kind: "unknown" }, u, lang, passages);
      break;
    case "entry":
      composeEntry(b, k, plan, false);
      break;
    case "ambiguous":
      composeAmbiguous(b, k, plan);
      break;
    case "help":
      composeHelp(b, k);
      break;
    case "ask-region":
      composeAskRegion(b, k, plan);
      return b.build(false);
    case "unknown":
      composeUnknown(b, k, u, plan);
      return b.build(false);
  }
  return b.build(true);
}

/** "Kerro lisää": the whole of what the previous answer showed a part of. */
function composeMore(k: Knowledge, of: Plan, u: Understanding, lang: Language, passages: Passage[]): Reply {
  const b = createReplyBuilder(k, lang);
  if (of.kind === "passages" || of.kind === "entry") {
    const first = of.kind === "entry" ? undefined : of.hits[0]!.passage;
    const entryId = of.kind === "entry" ? of.id : first?.entryId;
    if (first?.stepN) composeSteps(b, k, { kind: "steps", n: first.stepN }, true);
    else if (entryId && k.entries.some((e) => e.id === entryId)) composeEntry(b, k, { kind: "entry", id: entryId, alternatives: [] }, true);
    else if (first?.regionId) composeRegion(b, k, { kind: "region", regionId: first.regionId, metrics: [], sections: [], perResident: false }, true);
    else return composeReply(k, of, u, lang, passages);
    return b.build(true);
  }
  if (of.kind === "region") {
    composeRegion(b, k, { ...of, metrics: [], sections: [] }, true);
    return b.build(true);
  }
  if (of.kind === "steps") {
    composeSteps(b, k, of, true);
    return b.build(true);
  }
  return composeReply(k, of, u, lang, passages);
}
