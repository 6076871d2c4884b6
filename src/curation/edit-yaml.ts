// Changes to a region file made from chat, written into the YAML document itself so that the
// coordinators' comments and layout survive.
import { isMap, isSeq, parseDocument, type Document } from "yaml";
import type { Fact } from "../knowledge/schema.js";

export interface StructureInput {
  type: string;
  status: string;
  name: string;
  description?: string;
  source: string;
}

function edit(text: string, change: (doc: Document) => void): string {
  const doc = parseDocument(text);
  change(doc);
  return doc.toString({ lineWidth: 0 });
}

/**
 * Sets a figure. A fact from the same source and date is a correction: it takes the old one's
 * place and keeps what it does not say itself (a note, "plus", the date in words; `approx: false`
 * clears the old flag). A fact from another source or date goes first and the others stay, so
 * answers can name both.
 */
export function setFigure(text: string, metric: string, fact: Fact): string {
  return edit(text, (doc) => {
    const current = doc.getIn(["figures", metric]);
    const existing: Fact[] = current === undefined ? [] : isSeq(current) ? (current.toJSON() as Fact[]) : [(current as { toJSON(): Fact }).toJSON()];
    const at = existing.findIndex((f) => f.source === fact.source && f.as_of === fact.as_of);
    const merged: Fact = { ...existing[at], ...fact };
    if (merged.approx === false) delete merged.approx;
    const facts = at >= 0 ? existing.map((f, i) => (i === at ? merged : f)) : [merged, ...existing];
    const value = facts.length > 1 ? facts : merged;
    const node = doc.createNode(value);
    if (isMap(node)) node.flow = true;
    if (isSeq(node)) node.items.forEach((i) => isMap(i) && (i.flow = true));
    doc.setIn(["figures", metric], node);
  });
}

/** Adds a cooperation structure, or replaces the one with the same (Finnish) name. */
export function upsertStructure(text: string, s: StructureInput): string {
  return edit(text, (doc) => {
    const list = (doc.get("structures") ?? doc.createNode([])) as { items?: unknown[] };
    const plain = (doc.toJSON() as { structures?: Array<{ name: unknown }> }).structures ?? [];
    const nameOf = (n: unknown) => (typeof n === "string" ? n : (n as { fi?: string })?.fi ?? "").toLowerCase();
    const at = plain.findIndex((x) => nameOf(x.name) === s.name.toLowerCase());
    const value = { type: s.type, name: s.name, status: s.status, ...(s.description ? { description: s.description } : {}), source: s.source };
    if (at >= 0) doc.setIn(["structures", at], doc.createNode(value));
    else if (isSeq(list)) list.items.push(doc.createNode(value));
    else doc.set("structures", doc.createNode([value]));
  });
}

export function addHighlight(text: string, highlight: string, source: string): string {
  return edit(text, (doc) => {
    const list = doc.get("highlights");
    const node = doc.createNode({ text: highlight, source });
    if (isSeq(list)) list.items.push(node);
    else doc.set("highlights", doc.createNode([{ text: highlight, source }]));
  });
}
