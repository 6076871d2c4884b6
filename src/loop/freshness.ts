// Facts age: an entry or region file may name an owner and a review-by date. Past that date it is
// listed by `jarjestobotti kb stale`, and the owner is reminded once per entry and date: directly
// when the owner is a chat user the bot can write to, else in the region's coordinators' channel.
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

/** Where a platform user can be written to directly ({ platform, address }), when the platform allows it. */
export type DirectAddress = (userId: string) => { platform: string; address: unknown } | undefined;

/**
 * Reminds each stale item's owner once: directly when the owner is a chat user the bot can write
 * to, else in the coordinators' channel for its region, naming the owner. Returns how many went out.
 */
export async function remindStale(k: Knowledge, store: LoopStore, send: Send, direct: DirectAddress, now: Date, log: (event: string, context: Record<string, unknown>) => void): Promise<number> {
  let sent = 0;
  for (const item of staleItems(k, now.toISOString().slice(0, 10))) {
    const channel = routeTo(await store.channels(), item.regions);
    const owner = item.owner ? direct(item.owner) : undefined;
    const to = owner ?? (channel && { platform: channel.platform, address: channel.address });
    // Claimed before sending, so two instances never both remind; nowhere to send yet = try later.
    if (!to || !(await store.firstTime(`review:${item.kind}:${item.id}:${item.reviewBy}`, now.toISOString()))) continue;
    const lang = channel?.language ?? "fi";
    const w = LOOP[lang];
    const line = w.stale(`${item.title} (${item.kind} ${item.id})`, item.reviewBy, item.owner ?? w.noOwner);
    try {
      await send(to.platform, to.address, curationReply(lang, w.staleTitle, [line], true), owner ? {} : { newThread: true });
      sent++;
    } catch (err) {
      log("review reminder failed", { item: item.id, platform: to.platform, error: (err as Error).message });
    }
  }
  return sent;
}
