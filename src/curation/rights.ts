// The rights a change needs come from what the file holds, not from its name: a region-limited
// coordinator may write a file only if it holds nothing but their regions, both before and after
// the change (an upload named pohjanmaa.yaml holding topics needs full rights). Decided before
// the change is validated, so nobody learns about files they may not touch.
import type { Knowledge } from "../knowledge/load.js";
import { parseKnowledgeFile } from "../knowledge/parse-file.js";
import type { FileChange, Rights } from "./state.js";

/** The rights a change of several files needs: every region any of them holds, or all. */
export function rightsFor(files: readonly FileChange[], before: Knowledge): Rights {
  const each = files.map((f) => fileRights(f.file, before, f.after));
  return each.includes("all") ? "all" : [...new Set(each.flat())];
}

function fileRights(file: string, before: Knowledge, afterText: string): Rights {
  const regions = new Set<string>();
  if (before.texts.has(file)) {
    const region = before.regions.find((r) => r.file === file);
    if (!region) return "all";
    regions.add(region.id);
  }
  // Text that does not parse is refused by validation anyway; it grants nothing and takes nothing.
  const after = parseKnowledgeFile(file, afterText).parsed?.data;
  if (after) {
    if (after.kind !== "region") return "all";
    regions.add(after.id);
  }
  return regions.size ? [...regions] : "all";
}
