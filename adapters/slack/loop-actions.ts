// Clicks on the loop's controls (loop-blocks.ts): the answer goes back only to the clicker, as an
// ephemeral message through the click's response_url, so a channel never sees who rated what.
import type { App } from "@slack/bolt";
import type { LoopActions } from "../../src/loop/loop.js";
import type { Logger } from "../log.js";
import { LOOP_ACTION, REASON_BLOCK } from "./loop-blocks.js";
import { renderReply } from "./render.js";

export function registerLoopActions(app: App, loop: LoopActions, log: Logger): void {
  app.action(LOOP_ACTION, async ({ ack, body, action, respond }) => {
    await ack();
    const a = action as { action_id: string; value?: string; block_id?: string };
    const what = a.action_id.slice("loop_".length);
    const questionId = what === "reason" ? (a.block_id ?? "").slice(REASON_BLOCK.length) : (a.value ?? "");
    try {
      const reply =
        what === "up" || what === "down" ? await loop.rate(questionId, what)
        : what === "reason" ? await loop.reason(questionId, a.value ?? "")
        : await loop.escalate(questionId, `slack:${body.user.id}`);
      const [m] = renderReply(reply);
      await respond({ response_type: "ephemeral", replace_original: false, text: m!.text, blocks: m!.blocks });
    } catch (err) {
      log.error("slack loop action failed", { action: what, question: questionId, err });
    }
  });
}
