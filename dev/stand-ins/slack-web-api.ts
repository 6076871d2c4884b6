// A small local stand-in for Slack's Web API: records every call the bot makes and answers as
// Slack would. Tests can make a method fail (429 with Retry-After, 500), hang (never answer), or
// be slow (do its work, then answer late, as Slack under load does) a number of times, and see
// every file download with the host it was asked for and its token. Posted messages can be read
// back with conversations.history and conversations.replies, with their metadata.
import express from "express";
import { createHmac } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  body: Record<string, unknown>;
  /** The ts the stand-in gave a posted message (a thread's id in Slack). */
  ts?: string;
}

export async function startSlackStandIn() {
  const calls: Call[] = [];
  const failures = new Map<string, Array<{ status: number; retryAfter?: number }>>();
  const files = new Map<string, string>();
  const locales = new Map<string, string>();
  const hangs = new Map<string, number>();
  const slow = new Map<string, Array<number>>();
  const downloads: Array<{ name: string; host: string; authorization?: string }> = [];
  const app = express();
  // Shared files: Slack serves url_private only with the bot token.
  app.get("/files/:name", (req, res) => {
    downloads.push({ name: req.params.name, host: String(req.headers.host), ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}) });
    const text = files.get(req.params.name);
    if (!req.headers.authorization?.startsWith("Bearer xoxb-")) res.status(403).end();
    else if (text === undefined) res.status(404).end();
    else res.type("text/yaml").send(text);
  });
  app.use(express.urlencoded({ extended: true }), express.json());
  app.post("/api/:method", (req, res) => {
    const method = req.params.method;
    const body = { ...(req.body as Record<string, unknown>) };
    for (const key of ["blocks", "view", "metadata"]) if (typeof body[key] === "string") body[key] = JSON.parse(body[key] as string);
    if ((hangs.get(method) ?? 0) > 0) {
      hangs.set(method, hangs.get(method)! - 1);
      return; // never answers: the bot's own time limit must end the call
    }
    const fail = failures.get(method)?.shift();
    if (fail) {
      if (fail.retryAfter !== undefined) res.setHeader("Retry-After", String(fail.retryAfter));
      res.status(fail.status).json({ ok: false, error: fail.status === 429 ? "ratelimited" : "internal_error" });
      return;
    }
    const ts = `${Math.floor(Date.now() / 1000)}.${String(calls.length).padStart(6, "0")}`;
    calls.push({ method, body, ts });
    const answer = (json: unknown) => {
      const late = slow.get(method)?.shift();
      if (late === undefined) res.json(json);
      else setTimeout(() => res.json(json), late);
    };
    if (method === "auth.test") answer({ ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
    else if (method === "users.info") answer({ ok: true, user: { id: body.user, locale: locales.get(String(body.user)) ?? "fi-FI" } });
    else if (method === "conversations.history" || method === "conversations.replies") {
      const posted = calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === body.channel && Number(c.ts) >= Number(body.oldest ?? 0));
      const inThread = method === "conversations.replies" ? posted.filter((c) => c.body.thread_ts === body.ts || c.ts === body.ts) : posted.filter((c) => !c.body.thread_ts);
      const all = body.include_all_metadata === "true" || body.include_all_metadata === true;
      answer({ ok: true, messages: inThread.map((c) => ({ type: "message", user: "UBOT", ts: c.ts, text: c.body.text, ...(all && c.body.metadata ? { metadata: c.body.metadata } : {}) })) });
    } else answer({ ok: true, ts, channel: body.channel });
  });
  app.post("/response/:id", express.json(), (req, res) => {
    calls.push({ method: `response_url:${req.params.id}`, body: req.body as Record<string, unknown> });
    res.json({ ok: true });
  });
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    of: (method: string) => calls.filter((c) => c.method === method),
    setLocale: (user: string, locale: string) => void locales.set(user, locale),
    /** Makes a file downloadable as Slack's url_private would be; returns its URL. */
    shareFile: (name: string, text: string) => (files.set(name, text), `${url}/files/${name}`),
    failNext: (method: string, ...list: Array<{ status: number; retryAfter?: number }>) => failures.set(method, list),
    hangNext: (method: string, times = 1) => void hangs.set(method, times),
    /** The next calls of a method do their work (a post is posted) but answer only after these delays. */
    slowNext: (method: string, ...delaysMs: number[]) => void slow.set(method, delaysMs),
    downloads,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** Posts a body to the bot signed as Slack signs requests (v0 HMAC-SHA256 over "v0:ts:body"). */
export async function postSigned(url: string, body: string, options: { secret: string; contentType: string; ts?: number; retryNum?: number }) {
  const ts = options.ts ?? Math.floor(Date.now() / 1000);
  const signature = "v0=" + createHmac("sha256", options.secret).update(`v0:${ts}:${body}`).digest("hex");
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType,
      "x-slack-request-timestamp": String(ts),
      "x-slack-signature": signature,
      ...(options.retryNum ? { "x-slack-retry-num": String(options.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
    },
    body,
  });
}
