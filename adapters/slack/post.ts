// Posting a message to Slack at most once. A chat.postMessage that times out may still have been
// posted (Slack does this under load), so a timed-out or failed post is never simply sent again:
// each post carries a made-up id in its message metadata, and before trying again the bot looks
// for its own message with that id in the thread (or channel). Found: done. Not found: post
// again. Unsure (the look-up itself fails): give up rather than risk a second copy. A refusal
// from Slack (an unknown channel) is final; a rate limit is waited out, as nothing was posted.
import { randomUUID } from "node:crypto";
import { ErrorCode, WebClient, type WebClientOptions } from "@slack/web-api";
import type { KnownBlock } from "@slack/types";
import type { Reply } from "../../src/seam.js";
import type { SlackAddress } from "./incoming.js";
import { renderReply } from "./render.js";

/** The metadata event type the bot's own posts carry, to be found again after a timeout. */
export const POST_EVENT = "jarjestobotti_post";

export interface SlackMessageArgs {
  channel: string;
  thread_ts?: string;
  text: string;
  blocks: KnownBlock[];
}

export interface Poster {
  /** Posts one message at most once; returns its ts. */
  post(client: WebClient, message: SlackMessageArgs): Promise<string | undefined>;
  /** Posts a reply (one or more messages); returns the first message's ts, the thread a new conversation continues in. */
  postReply(client: WebClient, address: SlackAddress, reply: Reply): Promise<string | undefined>;
}

type Found = { messages?: Array<{ ts?: string; metadata?: { event_type?: string; event_payload?: { post?: string } } }> };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * `options` are the Web API client's (address, time limit, logger); `retry` bounds the tries of
 * one post and their back-off. Posts go through a client of their own without the Web API
 * client's automatic retries, which would repeat a timed-out post blindly.
 */
export function createPoster(options: WebClientOptions, retry: { retries: number; factor: number; minTimeout: number; maxTimeout: number }): Poster {
  const once = new Map<string, WebClient>();
  const onceClient = (client: WebClient) => {
    const token = client.token ?? "";
    let c = once.get(token);
    if (!c) {
      c = new WebClient(token, { ...options, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
      if (once.size > 1000) once.clear();
      once.set(token, c);
    }
    return c;
  };

  /** The bot's message with this post id, if Slack has it: read with the ordinary (retrying) client. */
  const find = async (client: WebClient, m: SlackMessageArgs, id: string, oldest: string): Promise<string | undefined> => {
    const page: Found = m.thread_ts
      ? await client.conversations.replies({ channel: m.channel, ts: m.thread_ts, oldest, include_all_metadata: true, limit: 200 })
      : await client.conversations.history({ channel: m.channel, oldest, include_all_metadata: true, limit: 100 });
    return page.messages?.find((x) => x.metadata?.event_type === POST_EVENT && x.metadata.event_payload?.post === id)?.ts ?? undefined;
  };

  const post = async (client: WebClient, m: SlackMessageArgs): Promise<string | undefined> => {
    const id = randomUUID();
    // A little before now, for clocks that differ: the look-up must not miss the message.
    const oldest = (Date.now() / 1000 - 60).toFixed(6);
    const args = { ...m, metadata: { event_type: POST_EVENT, event_payload: { post: id } } };
    for (let attempt = 0; ; attempt++) {
      try {
        return (await onceClient(client).chat.postMessage(args)).ts;
      } catch (err) {
        const e = err as { code?: string; retryAfter?: number };
        if (e.code === ErrorCode.PlatformError || attempt >= retry.retries) throw err;
        if (e.code === ErrorCode.RateLimitedError) {
          await sleep((e.retryAfter ?? 1) * 1000);
          continue;
        }
        // A time-out, a dropped connection or a 5xx: the message may be there. Wait as a retry
        // would, then look before posting again.
        await sleep(Math.min(retry.maxTimeout, retry.minTimeout * retry.factor ** attempt));
        const ts = await find(client, m, id, oldest).catch((lookup: unknown) => {
          throw Object.assign(new Error(`chat.postMessage failed (${(err as Error).message}) and whether it was posted could not be checked (${(lookup as Error).message}); not posted again`), { cause: err });
        });
        if (ts) return ts;
      }
    }
  };

  return {
    post,
    async postReply(client, address, reply) {
      let first: string | undefined;
      for (const m of renderReply(reply)) {
        const ts = await post(client, { channel: address.channel, ...(address.thread_ts ? { thread_ts: address.thread_ts } : {}), text: m.text, blocks: m.blocks });
        first ??= ts;
      }
      return first;
    },
  };
}
