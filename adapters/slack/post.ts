// Posting a reply: one chat.postMessage per rendered message (more than one only when the
// reply exceeds Slack's 50 blocks), in the thread when there is one.
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../src/seam.js";
import type { SlackAddress } from "./incoming.js";
import { renderReply } from "./render.js";

/** Returns the first message's ts: the thread a new conversation in a channel continues in. */
export async function postReply(client: WebClient, address: SlackAddress, reply: Reply): Promise<string | undefined> {
  let first: string | undefined;
  for (const m of renderReply(reply)) {
    const r = await client.chat.postMessage({ channel: address.channel, ...(address.thread_ts ? { thread_ts: address.thread_ts } : {}), text: m.text, blocks: m.blocks });
    first ??= r.ts;
  }
  return first;
}
