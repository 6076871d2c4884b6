// The App Home tab in the user's language: the welcome, how to ask, and the five steps in full.
// Welcome and help come from the bot's fixed texts; the steps are the core's answer to the steps
// question in that language. The tab has no thread to ask in, so it shows no buttons.
import type { HomeView, KnownBlock } from "@slack/types";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import type { Bot, Language } from "../../src/seam.js";
import { moreBlocks, replyBlocks } from "./render.js";

const MAX_VIEW_BLOCKS = 100;
const withoutButtons = (blocks: KnownBlock[]) => blocks.filter((b) => b.type !== "actions");

export async function homeView(bot: Bot, user: string, language: Language): Promise<HomeView> {
  const steps = await bot.handle({ text: HELP_PHRASES[language].stepsQuestion, conversationId: `slack:home:${user}`, userId: `slack:${user}`, platform: "slack", locale: language });
  const blocks: KnownBlock[] = [
    ...withoutButtons(replyBlocks(bot.welcome(language))),
    { type: "divider" },
    ...withoutButtons(replyBlocks(bot.help(language))),
    { type: "divider" },
    ...withoutButtons(replyBlocks(steps)),
    ...moreBlocks(steps),
  ];
  return { type: "home", blocks: blocks.slice(0, MAX_VIEW_BLOCKS) };
}
