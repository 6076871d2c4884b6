// What an answer is made of, decided from the frame: figures of regions, a ranking or comparison,
// the steps, an entry, the passages that answer, or an honest "en tiedä". The composers in
// src/answers turn a plan into a Reply.
import type { PassageHit, QueryTerm } from "../retrieval/passage-index.js";
import type { AnswerType } from "../understanding/answer-type.js";
import type { Section } from "../understanding/frame.js";
import type { RegionMention } from "../understanding/region-names.js";
import type { Threshold } from "../understanding/threshold.js";

export type { Section };

export type Plan =
  | { kind: "help" }
  | { kind: "region"; regionId: string; metrics: string[]; sections: Section[]; perResident: boolean; perNgo?: boolean; readAs?: RegionMention }
  | { kind: "compare"; regionIds: string[]; metrics: string[]; perResident: boolean; perNgo?: boolean }
  /** `pick`: the n-th is what was asked ("toiseksi pienin"); `within`: only these regions ("mikä niistä on pienin"). */
  | { kind: "ranking"; metric: string; least: boolean; perResident: boolean; perNgo?: boolean; countiesOnly: boolean; exclude: string[]; top: number; total: boolean; threshold?: Threshold; pick?: number; within?: string[] }
  | { kind: "steps"; n?: number; regionId?: string }
  | { kind: "entry"; id: string; alternatives: string[] }
  /** Passages that answer; for "which region" questions, `regionOf` names each hit's region. */
  | { kind: "passages"; hits: PassageHit[]; whichRegion: boolean; regionOf: Array<string | undefined>; regionId?: string; terms: QueryTerm[]; asks: AnswerType }
  /** The rest of the previous answer ("kerro lisää"). */
  | { kind: "more"; of: Plan }
  | { kind: "ambiguous"; mention: RegionMention; metrics: string[] }
  /** "meidän alueella" with no region known: which region, as a button per region. */
  | { kind: "ask-region"; question: string }
  | { kind: "unknown"; regionId?: string; years?: number[] };
