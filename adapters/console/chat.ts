// The terminal adapter: the everyday development loop and the default when no platform is
// configured. Interactive with a prompt on a terminal; piped questions are answered one a line.
import { createInterface } from "node:readline";
import type { CoreBot } from "../../src/bot.js";

export async function runChat(bot: CoreBot, input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): Promise<void> {
  const interactive = Boolean(input.isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  const conversationId = `console:${process.pid}`;
  if (interactive) {
    output.write("Järjestöbotti – kysy suomeksi, ruotsiksi tai englanniksi (Ctrl-D lopettaa).\n");
    rl.setPrompt("> ");
    rl.prompt();
  }
  for await (const line of rl) {
    const text = line.trim();
    if (text) {
      const reply = bot.answer({ text, conversationId, platform: "console" });
      output.write(reply.text + "\n\n");
    }
    if (interactive) rl.prompt();
  }
}
