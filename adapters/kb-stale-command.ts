// `jarjestobotti kb stale [DIR]`: the entries and regions whose review-by date has passed, with
// their owners, one a line (tab-separated, so it sorts and greps).
import { loadKnowledge } from "../src/knowledge/load.js";
import { staleItems } from "../src/loop/freshness.js";

/** Lists entries and regions past their review date; exit 1 when there are any, so scripts can act. */
export function kbStaleCommand(dir: string, out: (s: string) => void, today = new Date().toISOString().slice(0, 10)): number {
  const r = loadKnowledge(dir);
  if (!r.ok) {
    process.stderr.write(`${dir}: the knowledge does not load; run kb validate\n`);
    return 2;
  }
  const items = staleItems(r.knowledge, today);
  if (items.length === 0) return out(`nothing past its review date (${today})\n`), 0;
  for (const i of items) out(`${i.reviewBy}\t${i.kind} ${i.id}\t${i.owner ?? "(no owner)"}\t${i.title}\n`);
  return 1;
}
