// The shape of every file in knowledge/. Types elsewhere are inferred from these schemas, and
// `jarjestobotti kb schema` turns them into a JSON Schema for coordinators' editors.
import { z } from "zod";
import { LANGUAGES } from "../text/language.js";

export { LANGUAGES, type Language } from "../text/language.js";

/** Finnish text, optionally with Swedish and English versions beside it. */
export const text = z.union([
  z.string().min(1),
  z
    .object({ fi: z.string().min(1), sv: z.string().min(1).optional(), en: z.string().min(1).optional() })
    .strict(),
]);
export type Text = z.infer<typeof text>;

/** What a Teams button shows of its title without cutting it; every short name fits. */
export const MAX_LABEL = 22;
const labelText = z
  .string({ error: (issue) => (issue.input === undefined ? `a short name for buttons is missing: write label: { fi: …, sv: …, en: … }, each at most ${MAX_LABEL} characters` : undefined) })
  .min(1)
  .max(MAX_LABEL, `a short name is at most ${MAX_LABEL} characters (what a button shows uncut)`);

/**
 * The short name a button shows for an entry, region, figure or the steps: natural words a person
 * would click ("STEA-avustukset", "Pirkanmaa"), not a title cut off. One string when it is the same
 * in every language, otherwise all three.
 */
export const label = z.union([labelText, z.object({ fi: labelText, sv: labelText, en: labelText }).strict()]);
export type Label = z.infer<typeof label>;

export const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "an id is lower-case letters, digits and hyphens (e.g. keski-suomi)");

/** A date a fact describes, as precise as the source is: 2023, 2023-05 or 2023-05-16. */
export const isoDate = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is written 2023, 2023-05 or 2023-05-16");

/**
 * Who keeps an entry or region current and when its facts should next be checked
 * (`jarjestobotti kb stale`, and a reminder in the coordinators' channel once the date has passed).
 */
const review = {
  /** A person or team, as coordinators know them ("Pirkanmaan koordinaattori", "slack:U0123"). */
  owner: z.string().min(2).optional(),
  review_by: isoDate.optional(),
};

export const UNITS = ["count", "eur", "persons", "percent", "score", "person-years"] as const;

/** One figure with its provenance. `as_of`/`describes` override the source's own date. */
export const fact = z
  .object({
    value: z.number({ error: "value must be a number (write 1700000, not '1,7 milj.')" }),
    source: id,
    as_of: isoDate.optional(),
    describes: text.optional(),
    approx: z.boolean().optional(),
    /** What comes on top of this figure, e.g. "lisäksi kumppanuusavustuksia". */
    plus: text.optional(),
    note: text.optional(),
  })
  .strict();
export type Fact = z.infer<typeof fact>;

/** A fact that stands alone in a topic entry, so it carries its own label and unit. */
export const labelledFact = fact
  .extend({ label: text, unit: z.enum(UNITS), key: id.optional() })
  .strict();
export type LabelledFact = z.infer<typeof labelledFact>;

export const source = z
  .object({
    id,
    title: text,
    publisher: z.string().min(1),
    /** The date the source describes, for ordering (newest first) and staleness. */
    as_of: isoDate,
    /** The same date in words for answers: "helmi–elokuu 2023". */
    describes: text,
    note: text.optional(),
  })
  .strict();
export type Source = z.infer<typeof source>;

export const sourcesFile = z.object({ kind: z.literal("sources"), sources: z.array(source).min(1) }).strict();

/** A figure every region may have (population, NGO count, grants...), and the words people use for it. */
export const metric = z
  .object({
    id,
    name: text,
    label,
    unit: z.enum(UNITS),
    /** Words and phrases in any of the three languages that ask for this figure. */
    words: z.array(z.string().min(2)).min(1),
    /** Whether "per resident" makes sense for it (grants do, population does not). */
    per_resident: z.boolean().default(false),
    /** The figure meant when a question names none: by "largest area" (size) or "per resident". */
    default_for: z.enum(["size", "per-resident"]).optional(),
  })
  .strict();
export type Metric = z.infer<typeof metric>;

export const metricsFile = z.object({ kind: z.literal("metrics"), metrics: z.array(metric).min(1) }).strict();

export const STRUCTURE_TYPES = [
  "advisory-board",
  "influence-body",
  "forum",
  "network",
  "working-group",
  "contact-persons",
  "partnership-model",
  "coordinator",
  "other",
] as const;
export const STATUSES = ["active", "starting", "preparing", "proposed", "planned"] as const;

const stepRefs = z.array(z.number().int().min(1).max(5)).optional();

export const structure = z
  .object({
    type: z.enum(STRUCTURE_TYPES),
    name: text,
    status: z.enum(STATUSES),
    description: text.optional(),
    steps: stepRefs,
    source: id,
  })
  .strict();

export const highlight = z.object({ text, steps: stepRefs, source: id }).strict();

export const regionFile = z
  .object({
    kind: z.literal("region"),
    id,
    /** Helsinki is a city that organises the services itself, not a wellbeing services county. */
    type: z.enum(["county", "city"]),
    names: z
      .object({
        fi: z.string().min(2),
        /** Inflected Finnish forms people write: genitive, -ssa/-lla, -sta/-lta, illative/-lle, partitive. */
        fi_forms: z.array(z.string().min(2)).min(1),
        sv: z.string().min(2),
        sv_forms: z.array(z.string().min(2)).default([]),
        en: z.string().min(2),
        en_forms: z.array(z.string().min(2)).default([]),
        /** Short names in use (Pirha, Keusote), with their inflected forms. */
        short: z.array(z.string().min(2)).default([]),
        /** Short names that are also ordinary words ("Sata"): matched only when capitalised. */
        short_capitalised: z.array(z.string().min(2)).default([]),
        /** Names of a part of the area ("Kerava" of Vantaa ja Kerava): answers say the figures are the whole area's. */
        partial: z.array(z.string().min(2)).default([]),
        /**
         * The Finnish adjective of the area without its ending ("keskisuomalai" of keskisuomalainen):
         * "keskisuomalaisissa järjestöissä" is about Keski-Suomi. Every case form is made from it.
         */
        adjective: z.string().min(5).optional(),
      })
      .strict(),
    label,
    /** The organisation's full name: "Pirkanmaan hyvinvointialue", "Helsingin kaupunki". */
    organisation: text,
    tour: z.object({ date: isoDate, order: z.number().int().min(1), source: id }).strict(),
    figures: z.record(id, z.union([fact, z.array(fact).min(1)])),
    structures: z.array(structure).default([]),
    highlights: z.array(highlight).default([]),
    ...review,
  })
  .strict();
export type RegionFile = z.infer<typeof regionFile>;

export const step = z
  .object({
    n: z.number().int().min(1).max(5),
    title: text,
    meaning: text,
    why: text,
    words: z.array(z.string().min(2)).default([]),
    sources: z.array(id).min(1),
  })
  .strict();

export const stepsFile = z
  .object({
    kind: z.literal("steps"),
    id,
    title: text,
    label,
    summary: text,
    /** Words that ask for the steps as a whole ("askeleet", "steps"). */
    words: z.array(z.string().min(2)).min(1),
    sources: z.array(id).min(1),
    steps: z.array(step).length(5),
  })
  .strict();
export type StepsFile = z.infer<typeof stepsFile>;

/** A topic or concept: the state-grant cuts, STEA, hyte, the 2023 tour... */
export const entry = z
  .object({
    id,
    type: z.enum(["concept", "topic"]),
    title: text,
    label,
    /** Words and phrases that ask about this entry, any language, any form. */
    words: z.array(z.string().min(2)).min(1),
    summary: text,
    points: z.array(text).default([]),
    facts: z.array(labelledFact).default([]),
    /** Regions the entry is about (Neljän tuulen malli: ita-uusimaa). */
    regions: z.array(id).default([]),
    related: z.array(id).default([]),
    sources: z.array(id).min(1),
    ...review,
  })
  .strict();
export type Entry = z.infer<typeof entry>;

export const entriesFile = z.object({ kind: z.literal("entries"), entries: z.array(entry).min(1) }).strict();

/** The metric a figure "per NGO" is divided by (metrics.yaml). */
export const NGO_METRIC = "ngos";

/**
 * The word classes the understanding knows: a closed set, so a misspelt group name in
 * lexicon.yaml is an error, not a silently ignored list.
 */
export const LEXICON_GROUPS = [
  // what a question asks for: the kind of answer
  "ask-who", "ask-when", "ask-count", "ask-amount", "ask-share", "ask-why", "ask-how", "ask-which", "ask-yesno", "ask-list", "ask-what",
  // operators on figures
  "most", "least", "rank", "per-resident", "per-ngo", "compare", "total", "without", "including", "above", "below",
  // what a question is about
  "county-word", "area-word", "other-area", "municipality", "country", "structures", "highlights", "tour", "overview", "figures-all", "being",
  // references to the previous answer
  "followup", "there", "refer", "first", "last", "more",
  // the asker's own place ("meillä", "here"): the home region of their channel or organisation
  "home",
  // attributes the knowledge never holds (contact details, staff, weather…), and the future
  "unknowable", "future",
  // conversation and language
  "help", "greeting", "thanks", "lang-fi", "lang-sv", "lang-en", "filler",
  // "mietin", "undrar", "I wonder": what follows is the question, what comes before it context
  "wonder",
  // "tarviin", "I need", "behöver": a request, as a question word is
  "request",
] as const;
export type LexiconGroup = (typeof LEXICON_GROUPS)[number];

/** Words that steer understanding rather than name knowledge: ranking, per resident, help, follow-ups. */
export const lexiconFile = z
  .object({
    kind: z.literal("lexicon"),
    /** Each group: an intent word class -> words in fi/sv/en (base and inflected forms). */
    groups: z.partialRecord(z.enum(LEXICON_GROUPS), z.array(z.string().min(1)).min(1)),
    /** Ordinal words -> number ("toinen": 2, "second": 2, "andra": 2): which step. */
    ordinals: z.record(z.string(), z.number().int().min(1).max(10)),
    /** Number words -> number ("kolme": 3, "three": 3): how many in a ranking. */
    numbers: z.record(z.string(), z.number().int().min(1).max(30)).default({}),
    /** Synonyms: a word people write -> the word the knowledge uses. */
    synonyms: z.record(z.string(), z.string()).default({}),
    /** A name that fits several regions ("Uusimaa"): its forms and the candidates. */
    ambiguous: z
      .array(z.object({ forms: z.array(z.string().min(2)).min(1), regions: z.array(id).min(2), note: text }).strict())
      .default([]),
    /** Words never taken as region names or typos of them, whatever fuzzy matching thinks. */
    not_names: z.array(z.string()).default([]),
  })
  .strict();
export type LexiconFile = z.infer<typeof lexiconFile>;

export const knowledgeFile = z.discriminatedUnion("kind", [
  sourcesFile,
  metricsFile,
  regionFile,
  stepsFile,
  entriesFile,
  lexiconFile,
]);
export type KnowledgeFile = z.infer<typeof knowledgeFile>;
