// `/jarjesto päivitä` opens a modal with the update form; submitting it sends the equivalent
// command to the core and posts the core's preview (with its confirm buttons) to the user's DM.
import type { App } from "@slack/bolt";
import type { View } from "@slack/types";
import type { Bot, Language } from "../../src/seam.js";
import type { Logger } from "../log.js";
import { FORM_FIELDS, FORM_WORDS, formCommand, type FormValues } from "../update-form.js";
import { slackPlace, workspaceOf } from "./incoming.js";
import type { Poster } from "./post.js";

export const UPDATE_VIEW = "jarjesto_update";

export function updateModal(lang: Language): View {
  const w = FORM_WORDS[lang];
  return {
    type: "modal",
    callback_id: UPDATE_VIEW,
    private_metadata: lang,
    title: { type: "plain_text", text: w.title },
    submit: { type: "plain_text", text: w.submit },
    blocks: FORM_FIELDS.map((field) => ({
      type: "input" as const,
      block_id: field,
      optional: field === "date",
      label: { type: "plain_text" as const, text: w.labels[field] },
      element: { type: "plain_text_input" as const, action_id: field, placeholder: { type: "plain_text" as const, text: w.hints[field] } },
    })),
  };
}

export function registerUpdateModal(app: App, bot: Bot, log: Logger, poster: Poster): void {
  app.view(UPDATE_VIEW, async ({ ack, body, view, client, context }) => {
    await ack();
    const values: FormValues = {};
    for (const field of FORM_FIELDS) values[field] = view.state.values[field]?.[field]?.value ?? "";
    const user = body.user.id;
    try {
      // The workspace in the address: a later message to it goes with that workspace's token.
      const address = { channel: user, ...workspaceOf(context) };
      const reply = await bot.handle({ text: formCommand(values), conversationId: `slack:${user}`, userId: `slack:${user}`, platform: "slack", address, ...slackPlace(address) });
      await poster.postReply(client, address, reply);
    } catch (err) {
      log.error("slack update form failed", { user, err });
    }
  });
}
