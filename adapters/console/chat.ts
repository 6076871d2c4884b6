// The terminal adapter: the everyday development loop and the default when no platform is
// configured. On a terminal: a banner, a prompt, answers wrapped to the window, numbered
// suggestions that a number picks, and words that end the chat. Piped questions are answered
// one a line as plain text.
import { createInterface } from "node:readline";
import type { Bot, Suggestion } from "../../src/seam.js";
import { renderTerminal, wrap, type TerminalStyle } from "./render-terminal.js";

type Output = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

const BANNER =
  "Järjestöbotti – kysy suomeksi, ruotsiksi tai englanniksi. ”apua” näyttää esimerkit, numero valitsee ehdotuksen, ”lopeta” (tai Ctrl-D) lopettaa.";
const EXIT_WORDS = new Set(["lopeta", "exit", "quit", "sluta"]);
const MAX_WIDTH = 100;

/** Wrapping follows the window (up to a readable width); colour only on a TTY without NO_COLOR. */
export function terminalStyle(output: Output, env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  return { width: Math.min(output.columns || 80, MAX_WIDTH), color: Boolean(output.isTTY) && !env.NO_COLOR };
}

export async function runChat(bot: Bot, input: NodeJS.ReadableStream & { isTTY?: boolean }, output: Output, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const interactive = Boolean(input.isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const conversationId = `console:${process.pid}`;
  let picks: Suggestion[] = [];
  if (interactive) {
    output.write(wrap(BANNER, terminalStyle(output, env).width).join("\n") + "\n");
    rl.setPrompt("> ");
    rl.prompt();
  }
  for await (const line of rl) {
    const typed = line.trim();
    if (EXIT_WORDS.has(typed.toLowerCase().replace(/[.!]$/, ""))) break;
    // A number picks one of the previous answer's suggestions; the question it asks is shown.
    const picked = /^\d{1,2}$/.test(typed) ? picks[Number(typed) - 1] : undefined;
    const text = picked?.question ?? typed;
    if (text) {
      const style = terminalStyle(output, env);
      if (picked) output.write(`› ${text}\n`);
      const reply = await bot.handle({ text, conversationId, platform: "console", userId: "console:local" });
      const rendered = renderTerminal(reply, style);
      picks = rendered.picks;
      output.write(rendered.text + "\n\n");
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}
