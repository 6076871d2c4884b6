// `npm run preview [-- --out DIR] [question …]`: writes DIR/index.html (default preview/) showing
// the gallery replies, and any question given, as Teams cards, Slack messages and terminal
// output, with every check's findings. For coordinators checking how a knowledge edit will look,
// and for reviewers of the renderers.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createBot } from "../../src/bot.js";
import { createKnowledgeStore } from "../../src/live/store.js";
import { knowledgeDir } from "../../adapters/knowledge-dir.js";
import { renderCard } from "../../adapters/teams/render.js";
import { renderReply } from "../../adapters/slack/render.js";
import { renderTerminal } from "../../adapters/console/render-terminal.js";
import { MAX_LABEL, moreSuggestion } from "../../adapters/reply-parts.js";
import type { Reply } from "../../src/seam.js";
import { cardProblems, cardTexts } from "../checks/adaptive-card.js";
import { messageProblems } from "../checks/block-kit.js";
import { galleryEntries } from "./gallery.js";
import { previewPage, type PreviewItem } from "./page.js";

/** About what one Teams card or one Slack thread screen shows before "Kerro lisää". */
const MAX_VISIBLE = 700;

function previewItem(heading: string, reply: Reply): PreviewItem {
  const card = renderCard(reply);
  const slack = renderReply(reply);
  const visible = cardTexts((card as { body: unknown }).body).join(" ").length;
  const labels = [...reply.suggestions, ...(reply.more ? [moreSuggestion(reply)!] : [])].map((s) => s.label);
  const warnings = [
    ...cardProblems(card).map((p) => `Adaptive Cards: ${p}`),
    ...slack.flatMap((m) => messageProblems(m)).map((p) => `Block Kit: ${p}`),
    ...(visible > MAX_VISIBLE ? [`${visible} characters of text before "more" (aim: ${MAX_VISIBLE})`] : []),
    ...labels.filter((l) => l.length > MAX_LABEL).map((l) => `label over ${MAX_LABEL} characters (Teams shows the suggestions as rows, not buttons): "${l}"`),
  ];
  return { heading: `${heading} · ${reply.language} · ${visible} characters`, card, slack: slack.map((m) => m.blocks), terminal: renderTerminal(reply, { width: 80, color: false }).text, warnings };
}

function main(args: string[]): void {
  let out = "preview";
  const questions: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") out = args[++i] ?? out;
    else questions.push(args[i]!);
  }
  const bot = createBot({ store: createKnowledgeStore(knowledgeDir()) });
  const items = galleryEntries(bot, questions).map((e) => previewItem(e.asked, e.reply));
  const hostConfig: unknown = JSON.parse(readFileSync(join(import.meta.dirname, "teams-host-config.json"), "utf8"));
  mkdirSync(resolve(out), { recursive: true });
  const file = join(resolve(out), "index.html");
  writeFileSync(file, previewPage("Järjestöbotti – how replies look", items, hostConfig));
  const warned = items.filter((i) => i.warnings.length).length;
  process.stdout.write(`wrote ${file}: ${items.length} replies, ${warned} with warnings\n`);
}

main(process.argv.slice(2));
