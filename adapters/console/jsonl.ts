// The JSON-lines protocol of the answer-quality check (../shared/eval/check.mjs): one question
// a line in ({"id","conversation","text"}), one answer a line out, in order, until end of input.
import { createInterface } from "node:readline";
import type { CoreBot } from "../../src/bot.js";

export async function runJsonLines(bot: CoreBot, input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Promise<void> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let turn: { id?: unknown; conversation?: unknown; text?: unknown };
    try {
      turn = JSON.parse(line) as typeof turn;
    } catch {
      output.write(JSON.stringify({ error: "not a JSON line", line: line.slice(0, 200) }) + "\n");
      continue;
    }
    const id = typeof turn.id === "string" ? turn.id : String(turn.id ?? "");
    const started = process.hrtime.bigint();
    const reply = bot.answer({
      text: typeof turn.text === "string" ? turn.text : "",
      conversationId: `jsonl:${typeof turn.conversation === "string" ? turn.conversation : id}`,
      platform: "console",
    });
    const micros = Number(process.hrtime.bigint() - started) / 1000;
    output.write(
      JSON.stringify({
        id,
        answered: reply.answered,
        text: reply.text,
        language: reply.language,
        sources: reply.sources,
        entries: reply.entryIds,
        micros: Math.round(micros),
      }) + "\n",
    );
  }
}
