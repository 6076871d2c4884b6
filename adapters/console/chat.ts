// The terminal adapter: the everyday development loop and the default when no platform is
// configured. Interactive with a prompt on a terminal; piped questions are answered one a line.
import { createInterface } from "node:readline";
import type { Bot } from "../../src/seam.js";

export async function runChat(bot: Bot, input: NodeJS.ReadableStream & { isTTY?: boolean }, output: NodeJS.WritableStream): Promise<void> {
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
      const reply = await bot.handle({ text, conversationId, platform: "console", userId: "console:local" });
      output.write(reply.text + "\n\n");
    }
    if (interactive) rl.prompt();
  }
}
