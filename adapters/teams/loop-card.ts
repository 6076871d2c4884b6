// The loop's controls in an Adaptive Card: 👍/👎 (and "Kysy koordinaattorilta" when offered) as
// Action.Submit in an ActionSet, or after a 👎 an Input.Text for the reason. A submit arrives as the activity's
// value ({ loop, questionId, reason? }) with no text, and is answered in the same conversation.
import type { LoopActions } from "../../src/loop/loop.js";
import { LOOP } from "../../src/loop/loop-phrases.js";
import type { Reply } from "../../src/seam.js";

type Element = Record<string, unknown>;

export function loopCardElements(reply: Reply): Element[] {
  const l = reply.loop;
  if (!l) return [];
  const w = LOOP[reply.language];
  const submit = (what: string, title: string) => ({ type: "Action.Submit", title, data: { loop: what, questionId: l.questionId } });
  const escalate = l.escalate ? [submit("escalate", w.escalate)] : [];
  // In the body, apart from the card's actions: suggestions keep their place, and Teams' limit on
  // a card's top-level actions does not hide these.
  if (l.ask === "rating") return [{ type: "ActionSet", separator: true, actions: [submit("up", w.up), submit("down", w.down), ...escalate] }];
  return [{ type: "Input.Text", id: "reason", label: w.reasonLabel, isMultiline: true, maxLength: 2000 }, { type: "ActionSet", actions: [submit("reason", w.send), ...escalate] }];
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
