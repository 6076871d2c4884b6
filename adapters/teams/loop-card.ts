// The loop's controls in an Adaptive Card: 👍/👎 (and "Kysy koordinaattorilta" when offered) as
// Action.Submit, or after a 👎 an Input.Text for the reason. A submit arrives as the activity's
// value ({ loop, questionId, reason? }) with no text, and is answered in the same conversation.
import type { LoopActions } from "../../src/loop/loop.js";
import { LOOP } from "../../src/loop/loop-phrases.js";
import type { Reply } from "../../src/seam.js";

type Element = Record<string, unknown>;

export function loopCardParts(reply: Reply): { body: Element[]; actions: Element[] } {
  const l = reply.loop;
  if (!l) return { body: [], actions: [] };
  const w = LOOP[reply.language];
  const submit = (what: string, title: string) => ({ type: "Action.Submit", title, data: { loop: what, questionId: l.questionId } });
  const escalate = l.escalate ? [submit("escalate", w.escalate)] : [];
  if (l.ask === "rating") return { body: [], actions: [submit("up", w.up), submit("down", w.down), ...escalate] };
  return { body: [{ type: "Input.Text", id: "reason", label: w.reasonLabel, isMultiline: true, maxLength: 2000 }], actions: [submit("reason", w.send), ...escalate] };
}

/** The reply to a loop control's submit, or undefined when the activity is not one. */
export async function loopSubmit(value: unknown, loop: LoopActions, userId: string): Promise<Reply | undefined> {
  if (!value || typeof value !== "object") return undefined;
  const v = value as { loop?: unknown; questionId?: unknown; reason?: unknown };
  if (typeof v.questionId !== "string") return undefined;
  if (v.loop === "up" || v.loop === "down") return loop.rate(v.questionId, v.loop);
  if (v.loop === "reason") return loop.reason(v.questionId, typeof v.reason === "string" ? v.reason : "");
  if (v.loop === "escalate") return loop.escalate(v.questionId, userId);
  return undefined;
}
