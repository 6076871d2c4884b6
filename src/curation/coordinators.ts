// Who may change the knowledge: listed in configuration (COORDINATORS), never in the knowledge
// itself, so a knowledge edit cannot grant itself rights. "slack:U0123" may change anything;
// "teams:<AAD object id>:pirkanmaa|lappi" only files that hold those regions and nothing else.
import type { Rights } from "./state.js";

export interface Coordinators {
  /** Whether the user may make a change needing these rights (see rightsFor in rights.ts). */
  mayChange(userId: string | undefined, rights: Rights): boolean;
  isCoordinator(userId: string | undefined): boolean;
}

export function parseCoordinators(spec: string | undefined): Coordinators {
  const rules = new Map<string, Set<string> | "all">();
  for (const raw of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [platform, id, regions] = raw.split(":");
    if (!platform || !id) throw new Error(`COORDINATORS: "${raw}" is not platform:user-id[:region|region]`);
    rules.set(`${platform}:${id}`, regions ? new Set(regions.split("|").filter(Boolean)) : "all");
  }
  return {
    isCoordinator: (userId) => userId !== undefined && rules.has(userId),
    mayChange(userId, rights) {
      const rule = userId ? rules.get(userId) : undefined;
      if (!rule) return false;
      return rule === "all" || (rights !== "all" && rights.every((r) => rule.has(r)));
    },
  };
}
