// The loop's controls under an answer in Block Kit: 👍/👎 (and "Kysy koordinaattorilta" when
// offered), or after a 👎 a text field for the reason, sent with Enter (an input block with
// dispatch_action, so no modal is needed). The question id rides in the value or block_id.
import type { KnownBlock } from "@slack/types";
import { LOOP } from "../../src/loop/loop-phrases.js";
import type { Reply } from "../../src/seam.js";

export const LOOP_ACTION = /^loop_(up|down|escalate|reason)$/;
export const REASON_BLOCK = "loop_reason:";

export function loopBlocks(reply: Reply): KnownBlock[] {
  const l = reply.loop;
  if (!l) return [];
  const w = LOOP[reply.language];
  const button = (what: string, text: string) => ({ type: "button" as const, action_id: `loop_${what}`, text: { type: "plain_text" as const, text, emoji: true }, value: l.questionId });
  const escalate = l.escalate ? [button("escalate", w.escalate)] : [];
  if (l.ask === "rating") return [{ type: "actions", block_id: "loop", elements: [button("up", w.up), button("down", w.down), ...escalate] }];
  return [
    {
      type: "input",
      block_id: REASON_BLOCK + l.questionId,
      dispatch_action: true,
      optional: true,
      label: { type: "plain_text", text: w.reasonLabel },
      element: { type: "plain_text_input", action_id: "loop_reason", multiline: false, max_length: 2000, dispatch_action_config: { trigger_actions_on: ["on_enter_pressed"] } },
    },
    ...(escalate.length ? [{ type: "actions" as const, block_id: "loop", elements: escalate }] : []),
  ];
}
