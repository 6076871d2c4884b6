// Posting a reply: one chat.postMessage per rendered message (more than one only when the
// reply exceeds Slack's 50 blocks), in the thread when there is one.
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../src/seam.js";
import type { SlackAddress } from "./incoming.js";
import { renderReply } from "./render.js";

export async function postReply(client: WebClient, address: SlackAddress, reply: Reply): Promise<void> {
  for (const m of renderReply(reply)) {
    await client.chat.postMessage({ channel: address.channel, ...(address.thread_ts ? { thread_ts: address.thread_ts } : {}), text: m.text, blocks: m.blocks });
  }
}
