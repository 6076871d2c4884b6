// Privacy: questions are kept DATA_RETENTION_DAYS (default 180) and then deleted with their
// feedback and escalations; the asker's platform id and address, needed only to relay a
// coordinator's answer, are cleared after a day unless an escalation is open or was answered
// within the last day (a coordinator may still add to the answer).
import type { LoopStore } from "./store.js";

export const DEFAULT_RETENTION_DAYS = 180;
const DAY = 24 * 60 * 60_000;
const IDENTITY_KEPT = DAY;

export function retentionDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === "") return DEFAULT_RETENTION_DAYS;
  const days = Number(setting);
  if (!Number.isFinite(days) || days <= 0) throw new Error(`DATA_RETENTION_DAYS must be a positive number of days, not "${setting}"`);
  return days;
}

export function forgetOld(store: LoopStore, now: Date, days: number) {
  return store.forget({
    before: new Date(now.getTime() - days * DAY).toISOString(),
    identitiesBefore: new Date(now.getTime() - IDENTITY_KEPT).toISOString(),
  });
}
