// The App Home tab: how to ask, the five steps and example questions. Its content is the core's
// own answers to a help question and a steps question, so it follows the knowledge.
import type { HomeView } from "@slack/types";
import type { Bot } from "../../src/seam.js";
import { escapeSlack, replyBlocks } from "./render.js";
import { HELP_QUESTION, STEPS_QUESTION } from "../questions.js";

const EXAMPLES = { fi: "Esimerkkikysymyksiä", sv: "Exempel på frågor", en: "Example questions" };


export async function homeView(bot: Bot, user: string): Promise<HomeView> {
  const ask = (text: string) => bot.handle({ text, conversationId: `slack:home:${user}`, userId: `slack:${user}`, platform: "slack" });
  const [help, steps] = [await ask(HELP_QUESTION), await ask(STEPS_QUESTION)];
  // A view holds at most 100 blocks; two replies stay far below that.
  const examples = help.suggestions.map((s) => `• ${escapeSlack(s.question)}`).join("\n");
  const blocks = [
    ...replyBlocks(help).filter((b) => b.type !== "actions"),
    { type: "section" as const, text: { type: "mrkdwn" as const, text: `*${EXAMPLES[help.language]}*\n${examples}` } },
    { type: "divider" as const },
    ...replyBlocks(steps).filter((b) => b.type !== "actions"),
  ].slice(0, 100);
  return { type: "home", blocks };
}
