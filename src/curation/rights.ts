// The rights a change needs come from what the file holds, not from its name: a region-limited
// coordinator may write a file only if it holds nothing but their regions, both before and after
// the change (an upload named pohjanmaa.yaml holding topics needs full rights).
import type { Knowledge } from "../knowledge/load.js";
import type { Rights } from "./state.js";

export function rightsFor(file: string, before: Knowledge, after: Knowledge): Rights {
  const regions = new Set<string>();
  for (const k of [before, after]) {
    if (!k.texts.has(file)) continue; // a new file (before) or a removed one (after)
    const region = k.regions.find((r) => r.file === file);
    if (!region) return "all";
    regions.add(region.id);
  }
  // Neither version holds the file: only a full coordinator may touch what nothing describes.
  return regions.size ? [...regions] : "all";
}
