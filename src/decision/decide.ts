// Answer or refuse: the few cases that need no weighing are settled first (something no source
// gives, "kerro lisää", an ambiguous or missing region), then every candidate is scored by the
// fitted ranker; the answerer then judges whether that choice is answered (model.ts).
import type { Knowledge } from "../knowledge/load.js";
import type { Frame } from "../understanding/frame.js";
import type { Understander } from "../understanding/understand.js";
import { candidatesFor, type Candidate } from "./candidates.js";
import { featuresOf, questionStats } from "./features.js";
import { answerInputs, probability, type Weights } from "./model.js";
import type { Plan } from "./plan.js";

export interface Scored {
  candidate: Candidate;
  features: number[];
  p: number;
}

export interface Decision {
  plan: Plan;
  /** How likely the answer is right (the answerer's probability); 0 when settled without the model. */
  confidence: number;
  /** What is answered when no candidate is trusted ("en tiedä", help, or a year not described). */
  fallback: Plan;
  /** Every candidate with its features and probability, best first (for the question report). */
  scored: Scored[];
}

export function decide(f: Frame, text: string, k: Knowledge, understander: Understander, previous: Plan | undefined, w: Weights): Decision {
  const regionId = f.regions.length === 1 ? f.regions[0] : undefined;
  const refuse = (extra: Partial<Extract<Plan, { kind: "unknown" }>> = {}): Plan => ({ kind: "unknown", ...(regionId ? { regionId } : {}), ...extra });
  // Something no source gives (a phone number, doctors): no region or topic makes it answerable.
  const settled = (plan: Plan): Decision => ({ plan, confidence: 0, fallback: plan, scored: [] });
  if (f.unknowable) return settled(refuse());
  if (previous && f.more && f.kept.includes("what") && f.regions.length === 0) return settled({ kind: "more", of: previous });
  // "Itä-Suomessa" is a part of Finland the knowledge has no figures for: not the whole country.
  if (f.otherArea) return settled({ kind: "unknown" });
  // "Paljonko Tampere jakaa avustuksia?": a municipality's figures are not its county's.
  if (f.municipality && (f.regions.length === 0 || f.kept.includes("regions")) && (f.metrics.length > 0 || f.sections.length > 0 || f.perResident)) return settled({ kind: "unknown" });
  if (f.ambiguous && f.regions.length === 0) return settled({ kind: "ambiguous", mention: f.ambiguous, metrics: f.metrics });
  // "montako järjestöä meillä on?" with no region known: ask which, never guess.
  if (f.here && f.regions.length === 0 && !f.ranking && f.asks !== "which-region" && (f.metrics.length > 0 || f.sections.length > 0)) return settled({ kind: "ask-region", question: text });

  const { candidates, blockedYears } = candidatesFor(f, k, understander);
  // "Pirkanmaan järjestöavustukset 2025?": the figure asked does not describe that year. (In "Mitä
  // sote-järjestöjen valtionavustuksille tapahtui 2024?" the figure word only qualifies another.)
  const figureAsked = f.metrics.length > 0 && (f.topicWords.length === 0 || ((f.asks === "count" || f.asks === "amount") && f.countsFigure !== false));
  // Unless the question names an entry beside the figure word ("paljonko järjestöjen
  // valtionavustukset pienenee suhteessa vuoden 2024 tasoon?"): that entry's passages, which name
  // the year, may answer it, and the model decides as for any passage.
  const namesEntry = f.terms.some((t) => !t.context && t.from.some((x) => x.startsWith("entry:")) && !t.from.some((x) => x.startsWith("metric:")));
  if (blockedYears && figureAsked && !namesEntry) return settled(refuse({ years: blockedYears }));
  const stats = questionStats(f, understander, candidates);
  const scored = candidates
    .map((candidate) => {
      const features = featuresOf(candidate, f, stats);
      return { candidate, features, p: probability(w.ranker, features) };
    })
    .sort((a, b) => b.p - a.p);
  const fallback: Plan = f.help && f.topicWords.length <= 1 && f.regions.length === 0 ? { kind: "help" } : refuse(blockedYears ? { years: blockedYears } : {});
  const best = scored[0];
  const confidence = best ? probability(w.answerer, answerInputs(best.p, scored[1]?.p ?? 0, best.features)) : 0;
  return { plan: best && confidence >= w.threshold ? best.candidate.plan : fallback, confidence, fallback, scored };
}
