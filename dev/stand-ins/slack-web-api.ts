// A small local stand-in for Slack's Web API: records every call the bot makes, with the token it
// used, and answers as Slack would. Tests can make a method fail (429 with Retry-After, 500), hang
// (never answer), or be slow (do its work, then answer late, as Slack under load does) a number
// of times, and see every file download with the host it was asked for and its token. Posted
// messages can be read back with conversations.history and conversations.replies, with their
// metadata. For the OAuth flow, a test grants a code for a workspace (or an Enterprise Grid
// organisation); oauth.v2.access exchanges it once for a new bot token of that workspace, and
// auth.test answers for each token with its own workspace and bot user.
import express from "express";
import { createHmac, randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  body: Record<string, unknown>;
  /** The token the call was made with (the Authorization header), if any. */
  token?: string;
  /** The ts the stand-in gave a posted message (a thread's id in Slack). */
  ts?: string;
  /** performance.now() when it arrived: to order it against what else the bot sent (its database's round trips). */
  at: number;
}

export async function startSlackStandIn() {
  const calls: Call[] = [];
  const failures = new Map<string, Array<{ status: number; retryAfter?: number }>>();
  const files = new Map<string, string>();
  const locales = new Map<string, string>();
  const names = new Map<string, string>();
  const hangs = new Map<string, number>();
  const slow = new Map<string, Array<number>>();
  const downloads: Array<{ name: string; host: string; authorization?: string }> = [];
  // The OAuth side: the app's credentials, codes granted and not yet exchanged, tokens issued.
  const oauthApp = { clientId: "", clientSecret: "" };
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, Issued>();
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
    const token = req.headers.authorization?.replace(/^Bearer /, "") ?? (typeof body.token === "string" ? body.token : undefined);
    calls.push({ method, body, ts, at: performance.now(), ...(token ? { token } : {}) });
    const answer = (json: unknown) => {
      const late = slow.get(method)?.shift();
      if (late === undefined) res.json(json);
      else setTimeout(() => res.json(json), late);
    };
    if (method === "oauth.v2.access") answer(exchange(body));
    else if (method === "auth.test") {
      const issued = token ? tokens.get(token) : undefined;
      answer(issued ? { ok: true, user_id: issued.botUserId, bot_id: issued.botId, team_id: issued.team?.id, enterprise_id: issued.enterprise?.id, url: "https://example.slack.com/" } : { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1" });
    } else if (method === "users.info") answer({ ok: true, user: { id: body.user, locale: locales.get(String(body.user)) ?? "fi-FI", ...(names.has(String(body.user)) ? { real_name: names.get(String(body.user)) } : {}) } });
    else if (method === "conversations.history" || method === "conversations.replies") {
      // A workspace reads back only what was posted with a token of its own.
      const posted = calls.filter((c) => c.method === "chat.postMessage" && c.body.channel === body.channel && Number(c.ts) >= Number(body.oldest ?? 0) && sameWorkspace(c.token, token));
      const inThread = method === "conversations.replies" ? posted.filter((c) => c.body.thread_ts === body.ts || c.ts === body.ts) : posted.filter((c) => !c.body.thread_ts);
      const all = body.include_all_metadata === "true" || body.include_all_metadata === true;
      answer({ ok: true, messages: inThread.map((c) => ({ type: "message", user: "UBOT", ts: c.ts, text: c.body.text, ...(all && c.body.metadata ? { metadata: c.body.metadata } : {}) })) });
    } else answer({ ok: true, ts, channel: body.channel });
  });
  app.post("/response/:id", express.json(), (req, res) => {
    calls.push({ method: `response_url:${req.params.id}`, body: req.body as Record<string, unknown>, at: performance.now() });
    res.json({ ok: true });
  });
  /** Whether two tokens are of one workspace; a token the stand-in did not issue (SLACK_BOT_TOKEN) is of T1. */
  function sameWorkspace(a?: string, b?: string) {
    const of = (t?: string) => {
      const issued = t ? tokens.get(t) : undefined;
      return issued ? (issued.team?.id ?? issued.enterprise?.id) : "T1";
    };
    return of(a) === of(b);
  }
  /** oauth.v2.access: a granted code, once, for the app's own client id and secret. */
  function exchange(body: Record<string, unknown>) {
    if (body.client_id !== oauthApp.clientId) return { ok: false, error: "invalid_client_id" };
    if (body.client_secret !== oauthApp.clientSecret) return { ok: false, error: "bad_client_secret" };
    const grant = codes.get(String(body.code));
    if (!grant) return { ok: false, error: "invalid_code" };
    codes.delete(String(body.code));
    const id = grant.enterprise?.id ?? grant.team!.id;
    const issued: Issued = { ...grant, botUserId: `UBOT${id}`, botId: `B${id}` };
    const accessToken = `xoxb-${id}-${randomBytes(12).toString("hex")}`;
    tokens.set(accessToken, issued);
    return {
      ok: true,
      app_id: "A1",
      authed_user: { id: grant.installer ?? "UINSTALLER" },
      scope: grant.scopes.join(","),
      token_type: "bot",
      access_token: accessToken,
      bot_user_id: issued.botUserId,
      team: grant.team ?? null,
      enterprise: grant.enterprise ?? null,
      is_enterprise_install: !!grant.enterprise && !grant.team,
    };
  }

  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    of: (method: string) => calls.filter((c) => c.method === method),
    setLocale: (user: string, locale: string) => void locales.set(user, locale),
    /** The user's full name, as users.info gives it. */
    setName: (user: string, name: string) => void names.set(user, name),
    /** Makes a file downloadable as Slack's url_private would be; returns its URL. */
    shareFile: (name: string, text: string) => (files.set(name, text), `${url}/files/${name}`),
    failNext: (method: string, ...list: Array<{ status: number; retryAfter?: number }>) => failures.set(method, list),
    hangNext: (method: string, times = 1) => void hangs.set(method, times),
    /** The next calls of a method do their work (a post is posted) but answer only after these delays. */
    slowNext: (method: string, ...delaysMs: number[]) => void slow.set(method, delaysMs),
    downloads,
    /** The app's client id and secret that oauth.v2.access accepts. */
    setOAuthApp: (clientId: string, clientSecret: string) => Object.assign(oauthApp, { clientId, clientSecret }),
    /** A code Slack would hand the bot after an admin approves the app for a workspace or a whole organisation. */
    grant: (code: string, g: Omit<Grant, "scopes"> & { scopes?: string[] }) => void codes.set(code, { scopes: ["chat:write"], ...g }),
    /** Every bot token issued so far, and the workspace each belongs to. */
    issued: () => [...tokens].map(([token, i]) => ({ token, team: i.team?.id, enterprise: i.enterprise?.id, botUserId: i.botUserId })),
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

interface Grant {
  /** A workspace install names the team (and its organisation, in Enterprise Grid); an org-wide install only the organisation. */
  team?: { id: string; name: string };
  enterprise?: { id: string; name: string };
  scopes: string[];
  installer?: string;
}
type Issued = Grant & { botUserId: string; botId: string };

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
