// The Teams adapter on botbuilder's CloudAdapter. Every botbuilder import of the project lives in
// this folder: the SDK is archived, and moving to its successor must be one folder's work.
import { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type Activity, type ConversationReference } from "botbuilder";
import express, { type Express, type NextFunction, type Request, type Response } from "express";
import type { Bot, Reply } from "../../src/seam.js";
import type { Logger } from "../log.js";
import { languageOfLocale } from "../locale.js";
import { leadLine } from "../reply-parts.js";
import type { AdapterContext, PlatformAdapter } from "../platform.js";
import { memoryClaims, type Claims } from "../../src/state/claims.js";
import { readTeamsConfig } from "./config.js";
import { renderCard } from "./render.js";
import { loopSubmit } from "./loop-card.js";
import type { LoopActions } from "../../src/loop/loop.js";
import { asksForForm, formCommand } from "../update-form.js";
import { updateCard } from "./update-card.js";
import { createWelcomed, type Welcomed } from "./welcomed.js";
import { sharedFile, type SharedFile } from "./shared-file.js";
import { limitSends } from "./connector-timeout.js";
import { outboundTimeoutMs } from "../timeouts.js";

export function replyActivity(...replies: Reply[]): Partial<Activity> {
  return {
    type: "message",
    summary: replies[0] ? leadLine(replies[0]) : "",
    attachments: replies.map((r) => CardFactory.adaptiveCard({ ...renderCard(r), fallbackText: r.text })),
  };
}

/**
 * Where an activity was written, as the core names places: its tenant (the county's or the
 * organisation's Microsoft 365) and its channel or chat without the thread.
 */
export function teamsPlace(a: Activity): { organisation?: string; channel: string } {
  const tenant = a.conversation.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
  return { ...(tenant ? { organisation: `teams:${tenant}` } : {}), channel: `teams:${a.conversation.id.split(";messageid=")[0]}` };
}

/** The Bot Framework redelivers an activity it thinks was lost; an hour covers its retries. */
const ACTIVITY_MS = 60 * 60_000;

function createHandler(bot: Bot, log: Logger, welcomed: Welcomed, claims: Claims, fetchFile: (a: Activity) => Promise<SharedFile>, loop?: LoopActions): ActivityHandler {
  const handler = new ActivityHandler();
  handler.onMessage(async (context, next) => {
    const a = context.activity;
    const conversationId = `teams:${a.conversation.id}`;
    // A redelivered activity (the same id in the same conversation) is answered once, on any
    // instance; a shared store reads what the answer needs in the claim's round trip.
    if (a.id && !(await claims.claim(`teams:activity:${a.conversation.id}:${a.id}`, ACTIVITY_MS, { place: { conversationId, ...teamsPlace(a) } }))) {
      log.info("teams activity already answered", { conversation: a.conversation.id, activity: a.id });
      return next();
    }
    const clicked = loop && (await loopSubmit(a.value, loop, `teams:${a.from.aadObjectId ?? a.from.id}`));
    if (clicked) {
      await context.sendActivity(replyActivity(clicked));
      return next();
    }
    // In channels and group chats the text starts with "<at>Bot</at>": the core must not see it.
    const typed = (TurnContext.removeRecipientMention(a) ?? a.text ?? "").trim();
    const submitted = typeof a.value === "object" && a.value && typeof (a.value as { question?: unknown }).question === "string" ? (a.value as { question: string }).question : "";
    const value = typeof a.value === "object" && a.value ? (a.value as Record<string, string | undefined>) : undefined;
    const text = value?.form === "update" ? formCommand(value) : typed || submitted;
    const formLanguage = asksForForm(text);
    if (formLanguage) {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(updateCard(formLanguage))] });
      return next();
    }
    const file = await fetchFile(a);
    if (file && "failed" in file) {
      await context.sendActivity(replyActivity(file.failed));
      return next();
    }
    const attachment = file?.attachment;
    if (text || attachment) {
      const reply = await bot.handle({
        text,
        conversationId,
        userId: `teams:${a.from.aadObjectId ?? a.from.id}`,
        ...(a.from.name ? { userName: a.from.name } : {}),
        platform: "teams",
        ...teamsPlace(a),
        ...(a.locale ? { locale: a.locale } : {}),
        address: TurnContext.getConversationReference(a),
        ...(attachment ? { attachment } : {}),
      });
      await context.sendActivity(replyActivity(reply));
    }
    await next();
  });
  handler.onMembersAdded(async (context, next) => {
    const a = context.activity;
    const botAdded = a.membersAdded?.some((m) => m.id === a.recipient.id);
    if (botAdded && (await welcomed.add(a.conversation.id))) {
      await context.sendActivity(replyActivity(bot.welcome(languageOfLocale(a.locale))));
      log.info("teams welcome sent", { conversation: a.conversation.id });
    }
    await next();
  });
  return handler;
}

/** A request body must look like a Bot Framework activity before botbuilder sees it (else it 500s). */
function activityProblem(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "the body is not a JSON object";
  const a = body as Record<string, unknown>;
  if (typeof a.type !== "string" || !a.type) return "the activity has no type";
  if (typeof a.serviceUrl !== "string") return "the activity has no serviceUrl";
  if (!a.conversation || typeof (a.conversation as { id?: unknown }).id !== "string") return "the activity has no conversation.id";
  return undefined;
}

/** Teams itself sends activities of a few kilobytes (a message is at most about 28 kB of text). */
export const MAX_ACTIVITY_BYTES = 256_000;

export function createTeamsAdapter(ctx: AdapterContext): PlatformAdapter | null {
  const config = readTeamsConfig(ctx.env);
  if (!config) return null;
  const timeoutMs = outboundTimeoutMs(ctx.env);
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.appId,
    MicrosoftAppPassword: config.password,
    MicrosoftAppType: config.appType,
    MicrosoftAppTenantId: config.tenantId,
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    const a = context.activity;
    ctx.log.error("teams turn failed", { conversation: a.conversation?.id, activity: a.id, serviceUrl: a.serviceUrl, err: error, status: (error as { statusCode?: number }).statusCode });
  };
  const welcomed = createWelcomed(ctx.db, ctx.env.DATA_DIR, ctx.log);
  const fileRules = { hosts: config.fileHosts, timeoutMs, isCoordinator: (user: string) => ctx.coordinators?.isCoordinator(user) ?? false };
  const handler = createHandler(ctx.bot, ctx.log, welcomed, ctx.claims ?? memoryClaims(), (a) => sharedFile(a, fileRules, ctx.log), ctx.loop);

  return {
    name: "teams",
    routes(app: Express) {
      app.post(
        "/api/messages",
        express.json({ limit: MAX_ACTIVITY_BYTES }),
        (req: Request, res: Response, next: NextFunction) => {
          const problem = activityProblem(req.body);
          if (problem) res.status(400).json({ error: `not a Bot Framework activity: ${problem}` });
          else next();
        },
        (req: Request, res: Response) => {
          adapter.process(req, res, (context) => (limitSends(context, timeoutMs), handler.run(context))).catch((err: unknown) => {
            ctx.log.error("teams request failed", { err });
            if (!res.headersSent) res.status(500).json({ error: "internal error" });
          });
        },
        // A body that is too large or not JSON at all fails in express.json, before the checks above.
        (err: Error & { type?: string }, _req: Request, res: Response, _next: NextFunction) => {
          if (err.type === "entity.too.large") res.status(413).json({ error: `the activity is over ${MAX_ACTIVITY_BYTES} bytes` });
          else res.status(400).json({ error: `not a Bot Framework activity: ${err.message}` });
        },
      );
    },
    async start() {
      if (config.noAuth) ctx.log.warn("TEAMS_NO_AUTH=1: /api/messages accepts UNAUTHENTICATED requests. For local testing with the Bot Framework Emulator only; never expose this.");
      ctx.log.info("teams started", { appId: config.appId || "(none)", appType: config.appType });
    },
    async stop() {},
    async send(address: unknown, reply: Reply, options?: { newThread?: boolean }) {
      const ref = address as Partial<ConversationReference>;
      // A new post in a channel goes to the channel's own id, not to a thread ("…;messageid=…")
      // and not as a reply to the message the reference came from.
      // Only a team channel has threads; in a chat, replies could not be told apart from other messages.
      if (options?.newThread && ref.conversation?.conversationType !== "channel") throw new Error("a new thread needs a Teams channel, not a chat");
      const target = options?.newThread && ref.conversation ? { ...ref, conversation: { ...ref.conversation, id: ref.conversation.id.split(";messageid=")[0]! } } : ref;
      let thread: string | undefined;
      await adapter.continueConversationAsync(config.appId, target, async (context) => {
        limitSends(context, timeoutMs);
        // botbuilder makes every proactive message a reply to a made-up activity id; a new post is none.
        if (options?.newThread) context.onSendActivities(async (_c, activities, next) => (activities.forEach((a) => delete a.replyToId), next()));
        const sent = await context.sendActivity(replyActivity(reply));
        if (options?.newThread && sent?.id) thread = `teams:${target.conversation!.id};messageid=${sent.id}`;
      });
      return thread;
    },
  };
}
