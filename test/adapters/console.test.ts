import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { runChat, terminalStyle } from "../../adapters/console/chat.js";
import { renderTerminal, wrap } from "../../adapters/console/render-terminal.js";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";
import { PHRASES } from "../../src/answers/phrases.js";
import { figure, plain, regionData, testBot } from "../helpers/bot.js";

const bot = testBot();
const lappi = regionData().find((r) => r.id === "lappi")!;
const ANSI = /\x1b\[/;

async function chat(lines: string[], tty = false, env: NodeJS.ProcessEnv = {}) {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const output = Object.assign(new PassThrough(), { isTTY: tty, columns: 60 });
  let text = "";
  output.on("data", (d: Buffer) => (text += d.toString()));
  const done = runChat(bot, input, output, env);
  input.end(lines.join("\n") + "\n");
  await done;
  return text;
}

describe("terminal rendering", () => {
  it("wraps at word boundaries within the width", () => {
    const text = "Hyvinvointialueen strategiassa päätetään, miten järjestöjen tuki, neuvonta ja ohjaus liitetään palveluihin.";
    for (const width of [20, 40, 80]) {
      const lines = wrap(text, width, "  ");
      expect(lines.every((l) => l.length <= width)).toBe(true);
      expect(lines.join(" ").split(/ +/).filter(Boolean)).toEqual(text.split(" "));
    }
  });

  it("keeps every line of a long answer within an 80-column window", () => {
    const reply = bot.answer({ text: "Mitkä ovat viisi askelta?", conversationId: "w", platform: "test" });
    const { text } = renderTerminal(reply, { width: 80, color: false });
    expect(text.split("\n").every((l) => l.length <= 80)).toBe(true);
  });

  it("dims sources and suggestions only when colour is on, and NO_COLOR turns it off", () => {
    const reply = bot.answer({ text: "Lapin asukasluku", conversationId: "c", platform: "test" });
    expect(renderTerminal(reply, { width: 80, color: false }).text).not.toMatch(ANSI);
    expect(renderTerminal(reply, { width: 80, color: true }).text).toContain(`\x1b[2m${PHRASES.fi.sources}`);
    expect(terminalStyle({ isTTY: true, columns: 120 } as never, { NO_COLOR: "1" }).color).toBe(false);
    expect(terminalStyle({ isTTY: true, columns: 120 } as never, {})).toEqual({ width: 100, color: true });
  });

  it("quotes suggestions as the reply's language writes quotes in a one-off answer", () => {
    const en = bot.answer({ text: "How many people live in Lapland?", conversationId: "q", platform: "test" });
    expect(renderTerminal(en, { width: 80, color: false, numbered: false }).text).toMatch(/“[^”]+”/);
  });
});

describe("terminal chat", () => {
  it("a number asks the suggestion it labels, in the same conversation", async () => {
    const out = await chat(["Lapin asukasluku", "1"]);
    const first = renderTerminal(bot.answer({ text: "Lapin asukasluku", conversationId: "p", platform: "test" }), { width: 60, color: false });
    expect(out).toContain(`› ${first.picks[0]!.question}`);
    expect(plain(out)).toContain(String(figure(lappi, "ngos")));
  });

  for (const word of ["lopeta", "exit", "quit", "sluta"]) {
    it(`"${word}" ends the chat without an answer`, async () => {
      const out = await chat([word, "Lapin asukasluku"]);
      expect(out).toBe("");
    });
  }

  it("the banner on a terminal says how to get help and how to stop", async () => {
    const out = await chat(["lopeta"], true);
    expect(out).toContain(`”${HELP_PHRASES.fi.helpQuestion}”`);
    expect(out).toContain("lopeta");
    expect(out).not.toContain(PHRASES.fi.dontKnow);
  });
});

describe("jarjestobotti ask", () => {
  it("with an empty question prints how to ask, not 'En tiedä', and exits 2", () => {
    const r = spawnSync(process.execPath, [join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs"), "ask", ""], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ask needs a question/);
    expect(r.stdout).not.toContain(PHRASES.fi.dontKnow);
  });
});
