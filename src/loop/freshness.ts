// Facts age: an entry or region file may name an owner and a review-by date. Past that date it is
// listed by `jarjestobotti kb stale`, and the coordinators' channel for its region (or the general
// one) is reminded once per entry and date, naming the owner.
import { pick } from "../answers/reply-builder.js";
import { curationReply } from "../curation/curation-phrases.js";
import type { Knowledge } from "../knowledge/load.js";
import { LOOP } from "./loop-phrases.js";
import { routeTo, type Send } from "./escalation.js";
import type { LoopStore } from "./store.js";

export interface StaleItem {
  kind: "region" | "entry";
  id: string;
  title: string;
  owner?: string;
  reviewBy: string;
  regions: string[];
}

/** A date written 2025, 2025-06 or 2025-06-30 has passed once that whole period is over. */
export const reviewDatePassed = (reviewBy: string, today: string) => reviewBy < today.slice(0, reviewBy.length);

export function staleItems(k: Knowledge, today: string): StaleItem[] {
  const items: StaleItem[] = [];
  for (const r of k.regions) {
    if (r.review_by && reviewDatePassed(r.review_by, today)) items.push({ kind: "region", id: r.id, title: r.names.fi, reviewBy: r.review_by, regions: [r.id], ...(r.owner ? { owner: r.owner } : {}) });
  }
  for (const e of k.entries) {
    if (e.review_by && reviewDatePassed(e.review_by, today)) items.push({ kind: "entry", id: e.id, title: pick(e.title, "fi").text, reviewBy: e.review_by, regions: e.regions, ...(e.owner ? { owner: e.owner } : {}) });
  }
  return items.sort((a, b) => a.reviewBy.localeCompare(b.reviewBy) || a.id.localeCompare(b.id));
}

/** Reminds each stale item's channel once; returns how many reminders went out. */
export async function remindStale(k: Knowledge, store: LoopStore, send: Send, now: Date): Promise<number> {
  let sent = 0;
  for (const item of staleItems(k, now.toISOString().slice(0, 10))) {
    const channel = routeTo(store.channels(), item.regions);
    // Claimed before sending, so two instances never both remind; no channel yet = try again later.
    if (!channel || !store.firstTime(`review:${item.kind}:${item.id}:${item.reviewBy}`, now.toISOString())) continue;
    const w = LOOP[channel.language];
    const line = w.stale(`${item.title} (${item.kind} ${item.id})`, item.reviewBy, item.owner ?? w.noOwner);
    await send(channel.platform, channel.address, curationReply(channel.language, w.staleTitle, [line], true), { newThread: true });
    sent++;
  }
  return sent;
}
