// Which facts changed between two versions of the knowledge, in words: for `kb diff A B`, for the
// history of chat changes and for the announcements subscribers get.
import { formatValue } from "../answers/figures.js";
import { pick } from "../answers/reply-builder.js";
import type { Knowledge, Region } from "../knowledge/load.js";
import type { Fact, Language } from "../knowledge/schema.js";

export interface KnowledgeChange {
  /** The region the change concerns, if any: subscribers of a region hear only of its changes. */
  regionId?: string;
  text: string;
  /** The sources the new facts cite. */
  sources: string[];
}

const W = {
  fi: { added: "lisätty", removed: "poistettu", changed: "muuttunut", region: "alue", entry: "aihe", steps: "viisi askelta", structure: "yhteistyörakenne", highlight: "huomio" },
  sv: { added: "tillagd", removed: "borttagen", changed: "ändrad", region: "område", entry: "ämne", steps: "de fem stegen", structure: "samarbetsstruktur", highlight: "iakttagelse" },
  en: { added: "added", removed: "removed", changed: "changed", region: "region", entry: "topic", steps: "the five steps", structure: "cooperation structure", highlight: "finding" },
};

export function diffKnowledge(a: Knowledge, b: Knowledge, lang: Language = "fi"): KnowledgeChange[] {
  const w = W[lang];
  const out: KnowledgeChange[] = [];
  const t = (x: Parameters<typeof pick>[0]) => pick(x, lang).text;
  const name = (r: Region) => (lang === "fi" ? r.names.fi : lang === "sv" ? r.names.sv : r.names.en);

  for (const rb of b.regions) {
    const ra = a.regions.find((r) => r.id === rb.id);
    if (!ra) {
      out.push({ regionId: rb.id, text: `${w.region} ${name(rb)}: ${w.added}`, sources: [] });
      continue;
    }
    for (const m of b.metrics) {
      const fa = factList(ra.figures[m.id]);
      const fb = factList(rb.figures[m.id]);
      if (JSON.stringify(fa) === JSON.stringify(fb)) continue;
      const show = (f: Fact[]) => (f.length ? f.map((x) => formatValue(x.value, m.unit, lang, x.approx)).join(" / ") : "–");
      out.push({ regionId: rb.id, text: `${name(rb)}, ${t(m.name)}: ${show(fa)} → ${show(fb)}`, sources: fb.map((f) => f.source) });
    }
    const names = (r: Region) => r.structures.map((s) => JSON.stringify(s));
    for (const s of rb.structures) if (!names(ra).includes(JSON.stringify(s))) out.push({ regionId: rb.id, text: `${name(rb)}, ${w.structure} (${w.added}/${w.changed}): ${t(s.name)}`, sources: [s.source] });
    for (const s of ra.structures) if (!rb.structures.some((x) => t(x.name) === t(s.name))) out.push({ regionId: rb.id, text: `${name(rb)}, ${w.structure} ${w.removed}: ${t(s.name)}`, sources: [] });
    const hs = (r: Region) => r.highlights.map((h) => t(h.text));
    for (const h of rb.highlights) if (!hs(ra).includes(t(h.text))) out.push({ regionId: rb.id, text: `${name(rb)}, ${w.highlight} ${w.added}: ${t(h.text)}`, sources: [h.source] });
    for (const h of ra.highlights) if (!hs(rb).includes(t(h.text))) out.push({ regionId: rb.id, text: `${name(rb)}, ${w.highlight} ${w.removed}: ${t(h.text)}`, sources: [] });
  }
  for (const ra of a.regions) if (!b.regions.some((r) => r.id === ra.id)) out.push({ regionId: ra.id, text: `${w.region} ${name(ra)}: ${w.removed}`, sources: [] });

  for (const eb of b.entries) {
    const ea = a.entries.find((e) => e.id === eb.id);
    if (!ea) out.push({ text: `${w.entry} ${t(eb.title)}: ${w.added}`, sources: eb.sources });
    else if (JSON.stringify(ea) !== JSON.stringify(eb)) out.push({ text: `${w.entry} ${t(eb.title)}: ${w.changed}`, sources: eb.sources });
  }
  for (const ea of a.entries) if (!b.entries.some((e) => e.id === ea.id)) out.push({ text: `${w.entry} ${t(ea.title)}: ${w.removed}`, sources: [] });
  if (JSON.stringify(a.steps) !== JSON.stringify(b.steps)) out.push({ text: `${w.steps}: ${w.changed}`, sources: b.steps?.sources ?? [] });
  return out;
}

function factList(raw: Fact | Fact[] | undefined): Fact[] {
  return raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
}
