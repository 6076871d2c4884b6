// What the bot does on each Slack surface: @mention in a channel (answer in the thread), a later
// message in that thread, a DM, the /jarjesto command (ephemeral, with a button to share), button
// clicks and the App Home tab. Events are acknowledged by Bolt before these run; commands and
// buttons call ack() first, well inside Slack's 3 seconds.
import type { App } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { LoopActions } from "../../src/loop/loop.js";
import type { Bot, Reply } from "../../src/seam.js";
import { uploadFailedReply } from "../../src/curation/upload-failed.js";
import { DownloadError, MAX_DOWNLOAD_BYTES } from "../download.js";
import type { Logger } from "../log.js";
import { languageOfLocale } from "../locale.js";
import { memoryClaims, type Claims } from "../../src/state/claims.js";
import { cleanSlackText, slackConversationId, slackPlace, workspaceOf, type SlackAddress } from "./incoming.js";
import { homeView } from "./home.js";
import type { Poster } from "./post.js";
import { ASK_ACTION, escapeSlack, renderReply } from "./render.js";
import { asksForForm } from "../update-form.js";
import { registerUpdateModal, updateModal } from "./update-modal.js";
import { registerLoopActions } from "./loop-actions.js";

export const SHARE_ACTION = "share_answer";
const SHARE_LABEL = { fi: "Jaa kanavalle", sv: "Dela i kanalen", en: "Share in channel" };

export interface SlackDeps {
  bot: Bot;
  log: Logger;
  /** Posts each message at most once (post.ts). */
  poster: Poster;
  /** Fetches a file shared with the bot (its url_private needs the workspace's bot token); throws DownloadError. */
  download: (url: string, token: string) => Promise<string>;
  isCoordinator: (userId: string) => boolean;
  loop?: LoopActions;
  /** Events answered and threads answered in, shared when several instances run (platform.ts). */
  claims?: Claims;
}

/** Slack retries a lost event three times within about five minutes; an hour covers them all. */
const EVENT_MS = 60 * 60_000;
/** A thread the bot answered in stays its conversation for this long. */
const THREAD_MS = 30 * 24 * 60 * 60_000;

type SharedFile = { name?: string; size?: number; url_private_download?: string; url_private?: string };

export function registerListeners(app: App, deps: SlackDeps): void {
  const { bot, log } = deps;
  const claims = deps.claims ?? memoryClaims();
  // Threads the bot has answered in: a plain message there continues the conversation.
  const threadKey = (id: string) => `slack:thread:${id}`;
  const threads = { add: (id: string) => claims.claim(threadKey(id), THREAD_MS), has: (id: string) => claims.has(threadKey(id)) };
  /** The conversation and place of a message at that address, as the core names them. */
  const placeOf = (address: SlackAddress) => ({ conversationId: slackConversationId(address.channel, address.thread_ts), ...slackPlace(address) });
  // Slack resends an event it thinks was lost (x-slack-retry-num); Bolt runs the listener again,
  // and with several instances the retry may reach another one: the event id is claimed once. With
  // the address the answer goes to (and a thread whose holding is asked next), a shared store reads
  // what the answer needs in the claim's own round trip (src/state/read-ahead.ts).
  const firstTime = (eventId: string, address?: SlackAddress, thread?: string) =>
    claims.claim(`slack:event:${eventId}`, EVENT_MS, address && { place: placeOf(address), ...(thread ? { held: threadKey(thread) } : {}) });

  // The user's Slack locale is a hint for short questions whose language the words do not tell,
  // and the name authors a coordinator's knowledge commit. One users.info call per user (per
  // workspace: the client holds its token), remembered; a failure just means neither.
  const profiles = new Map<string, Promise<{ locale?: string; name?: string }>>();
  const profileOf = (client: WebClient, user: string) => {
    const key = `${client.token}:${user}`;
    let profile = profiles.get(key);
    if (!profile) {
      profile = client.users.info({ user, include_locale: true }).then((r) => ({ locale: r.user?.locale, name: r.user?.real_name || r.user?.name }), () => ({}));
      if (profiles.size > 10_000) profiles.clear();
      profiles.set(key, profile);
    }
    return profile;
  };
  const localeOf = async (client: WebClient, user: string) => (await profileOf(client, user)).locale;

  // A slash command is acknowledged within Slack's 3 s: its locale is waited for at most a second.
  const localeSoon = (client: WebClient, user: string) =>
    Promise.race([localeOf(client, user), new Promise<undefined>((resolve) => void setTimeout(() => resolve(undefined), 1000).unref())]);

  const answerIn = async (client: WebClient, text: string, user: string, address: SlackAddress, startsThread = false) => {
    const place = placeOf(address);
    const { locale, name } = await profileOf(client, user);
    const reply = await bot.handle({ text, ...place, userId: `slack:${user}`, platform: "slack", address, ...(locale ? { locale } : {}), ...(name ? { userName: name } : {}), ...(startsThread ? { startsThread } : {}) });
    await deps.poster.postReply(client, address, reply);
    if (address.thread_ts) await threads.add(place.conversationId);
  };
  /** The declared size is checked first (cheap), then the bytes as they arrive (the truth). */
  const fetchAndAsk = async (file: SharedFile, url: string, token: string, ask: (text: string) => Promise<Reply>, locale: string | undefined): Promise<Reply> => {
    if ((file.size ?? 0) > MAX_DOWNLOAD_BYTES) return uploadFailedReply(locale, file.name!, "size", MAX_DOWNLOAD_BYTES);
    try {
      return await ask(await deps.download(url, token));
    } catch (err) {
      if (!(err instanceof DownloadError)) throw err;
      log.warn("slack file not downloaded", { file: file.name, reason: err.reason, detail: err.message });
      return uploadFailedReply(locale, file.name!, err.reason, MAX_DOWNLOAD_BYTES);
    }
  };
  const guard = (what: string, run: () => Promise<void>, context: Record<string, unknown>) =>
    run().catch((err: unknown) => log.error(`slack ${what} failed`, { ...context, err }));

  app.event("app_mention", async ({ event, body, client, context }) => {
    const address = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts, ...workspaceOf(context) };
    if (!(await firstTime(body.event_id, address))) return;
    const text = cleanSlackText(event.text, context.botUserId);
    // A mention outside a thread is answered in a new thread named by the mention itself.
    await guard("mention", () => answerIn(client, text, event.user ?? "", address, !event.thread_ts), { channel: event.channel, eventId: body.event_id });
  });

  app.message(async ({ message, body, client, context }) => {
    if (message.subtype === "file_share" && message.channel_type === "im") {
      if (!(await firstTime(body.event_id))) return;
      const file = (message.files as SharedFile[] | undefined)?.find((f) => /\.(ya?ml|csv)$/i.test(f.name ?? ""));
      const url = file?.url_private_download ?? file?.url_private;
      if (!file || !url) return;
      await guard("upload", async () => {
        const userId = `slack:${message.user}`;
        const address = { channel: message.channel, ...workspaceOf(context) };
        const ask = (text: string) => bot.handle({ text: message.text ?? "", conversationId: slackConversationId(message.channel), userId, platform: "slack", address, ...slackPlace(address), attachment: { name: file.name!, text } });
        // Nothing is fetched for someone who may not change the knowledge: the core refuses them.
        const reply = deps.isCoordinator(userId) && context.botToken ? await fetchAndAsk(file, url, context.botToken, ask, await localeOf(client, message.user)) : await ask("");
        await deps.poster.postReply(client, address, reply);
      }, { channel: message.channel, eventId: body.event_id });
      return;
    }
    if (message.subtype !== undefined || !("user" in message) || !("text" in message) || !message.text) return;
    const me = context.botUserId;
    if (message.user === me || (me && message.text.includes(`<@${me}`))) return; // mentions are app_mention's
    const inDm = message.channel_type === "im";
    const threadTs = "thread_ts" in message ? message.thread_ts : undefined;
    const thread = threadTs ? slackConversationId(message.channel, threadTs) : undefined;
    if (!inDm && !thread) return;
    const address = { channel: message.channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...workspaceOf(context) };
    // Claimed before it is known to be the bot's: the claim's round trip also reads whether the bot
    // answered in the thread (and, with the answer's reads, whether coordinators answer a case
    // there). A reply in someone else's thread is claimed for nothing: a row for an hour.
    if (!(await firstTime(body.event_id, address, inDm ? undefined : thread))) return;
    if (!inDm && thread && !((await threads.has(thread)) || (await deps.loop?.watches(thread)))) return;
    await guard("message", () => answerIn(client, cleanSlackText(message.text!, me), message.user, address), { channel: message.channel, eventId: body.event_id });
  });

  app.command("/jarjesto", async ({ command, ack, client, context }) => {
    const formLanguage = asksForForm(command.text);
    if (formLanguage) {
      await ack();
      await guard("update form", async () => void (await client.views.open({ trigger_id: command.trigger_id, view: updateModal(formLanguage) })), { user: command.user_id });
      return;
    }
    const question = cleanSlackText(command.text);
    const locale = await localeSoon(client, command.user_id);
    const reply = question
      ? await bot.handle({ text: question, conversationId: `slack:${command.channel_id}:${command.user_id}`, userId: `slack:${command.user_id}`, platform: "slack", ...slackPlace({ channel: command.channel_id, ...workspaceOf(context) }), ...(locale ? { locale } : {}) })
      : bot.help(languageOfLocale(locale));
    const share: KnownBlock = { type: "actions", elements: [{ type: "button", action_id: SHARE_ACTION, text: { type: "plain_text", text: SHARE_LABEL[reply.language] }, value: question.slice(0, 2000) }] };
    const [first] = renderReply(reply, command.text.trim() ? [share] : []);
    await ack({ response_type: "ephemeral", text: first!.text, blocks: first!.blocks });
  });

  app.action(SHARE_ACTION, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const question = "value" in action ? String(action.value ?? "") : "";
    const channel = body.channel?.id;
    if (!channel || !question) return;
    await guard("share", async () => {
      const reply = await bot.handle({ text: question, conversationId: `slack:${channel}:share`, userId: `slack:${body.user.id}`, platform: "slack", ...slackPlace({ channel, ...workspaceOf(context) }) });
      const [m] = renderReply(reply);
      await deps.poster.post(client, { channel, text: m!.text, blocks: [{ type: "context", elements: [{ type: "mrkdwn", text: `<@${body.user.id}> › ${escapeSlack(question)}` }] }, ...m!.blocks] });
      await respond({ delete_original: true });
    }, { channel });
  });

  app.action(ASK_ACTION, async ({ ack, body, action, client, respond, context }) => {
    await ack();
    const question = "value" in action ? String(action.value ?? "") : "";
    const container = (body as { container?: { channel_id?: string; message_ts?: string; thread_ts?: string; is_ephemeral?: boolean } }).container ?? {};
    const channel = container.channel_id ?? body.channel?.id;
    if (!question || !channel) return;
    await guard("suggestion", async () => {
      if (container.is_ephemeral) {
        const reply = await bot.handle({ text: question, conversationId: `slack:${channel}:${body.user.id}`, userId: `slack:${body.user.id}`, platform: "slack", ...slackPlace({ channel, ...workspaceOf(context) }) });
        const [m] = renderReply(reply);
        await respond({ response_type: "ephemeral", replace_original: false, text: m!.text, blocks: m!.blocks });
        return;
      }
      const message = (body as { message?: { ts?: string; thread_ts?: string } }).message;
      const threadTs = container.thread_ts ?? message?.thread_ts ?? message?.ts ?? container.message_ts;
      await answerIn(client, question, body.user.id, { channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...workspaceOf(context) });
    }, { channel });
  });

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await guard("home", async () => void (await client.views.publish({ user_id: event.user, view: await homeView(bot, event.user, languageOfLocale(await localeOf(client, event.user))) })), { user: event.user });
  });

  registerUpdateModal(app, bot, log, deps.poster);
  if (deps.loop) registerLoopActions(app, deps.loop, log);
  app.error(async (err) => log.error("slack listener error", { err }));
}
