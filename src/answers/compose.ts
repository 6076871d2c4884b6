// From a plan to a Reply: one composer per kind of answer. Whatever the kind, the reply carries
// its sources and the dates they describe (added by the composers through the builder).
import type { Knowledge } from "../knowledge/load.js";
import type { Language } from "../knowledge/schema.js";
import type { Plan } from "../understanding/plan.js";
import type { Understanding } from "../understanding/understand.js";
import type { Reply } from "../seam.js";
import { composeEntry } from "./compose-entry.js";
import { composeHelp } from "./compose-help.js";
import { composeAmbiguous, composeUnknown } from "./compose-unknown.js";
import { composeCompare, composeRanking } from "./compose-ranking.js";
import { composeRegion } from "./compose-region.js";
import { composeSteps } from "./compose-steps.js";
import { createReplyBuilder } from "./reply-builder.js";

export function composeReply(k: Knowledge, plan: Plan, u: Understanding, lang: Language): Reply {
  const b = createReplyBuilder(k, lang);
  switch (plan.kind) {
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
      if (!composeSteps(b, k, plan)) return composeReply(k, { kind: "unknown" }, u, lang);
      break;
    case "entry":
      composeEntry(b, k, plan);
      break;
    case "ambiguous":
      composeAmbiguous(b, k, plan);
      break;
    case "help":
      composeHelp(b, k);
      break;
    case "unknown":
      composeUnknown(b, k, u, plan);
      return b.build(false);
  }
  return b.build(true);
}
