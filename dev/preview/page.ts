// The preview page: each reply as a Teams card (drawn in the browser by Microsoft's Adaptive Cards
// renderer with the Teams light host config) beside the same reply as a Slack message and in the
// terminal, with what each check found. One self-contained HTML file: open it, or screenshot it.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { KnownBlock } from "@slack/types";
import { SLACK_CSS, slackMessageHtml } from "./slack-html.js";

export interface PreviewItem {
  heading: string;
  card: Record<string, unknown>;
  slack: KnownBlock[][];
  terminal: string;
  /** Check findings and length warnings; shown in red above the item. */
  warnings: string[];
}

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const require = createRequire(import.meta.url);
const asset = (path: string) => readFileSync(require.resolve(path), "utf8");
// Inside <script>, "</script" in a card's text would end the script early.
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, "\\u003c");

const CSS = `
body{margin:0;padding:24px;background:#f5f5f5;font:14px "Segoe UI",system-ui,sans-serif;color:#242424}
h1{font-size:20px;margin:0 0 8px}
.item{margin:0 0 32px}
.item h2{font-size:15px;margin:0 0 6px}
.warn{color:#c4314b;margin:0 0 6px}
.row{display:flex;gap:24px;align-items:flex-start}
.teams{flex:0 0 600px}
.teams .card{background:#fff;border:1px solid #e0e0e0;border-top:3px solid #6264a7;border-radius:4px}
.slack{flex:0 0 520px;background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px}
.slack .s-message+.s-message{margin-top:8px}
.term{flex:0 0 auto;background:#1e1e1e;color:#ddd;padding:8px 12px;border-radius:4px;font:12px/1.35 "DejaVu Sans Mono",monospace;white-space:pre;margin:0}
.label{font-size:12px;color:#616161;margin:0 0 4px}
.ac-pushButton{font:600 14px "Segoe UI",sans-serif;border:1px solid #d1d1d1;border-radius:4px;background:#fff;color:#242424;height:32px;padding:0 12px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ac-pushButton.expanded{background:#e8ebfa}
`;

export function previewPage(title: string, items: PreviewItem[], hostConfig: unknown): string {
  const rows = items.map(
    (it, i) => `<section class="item" id="item-${i}"><h2>${html(it.heading)}</h2>${it.warnings.map((w) => `<p class="warn">⚠ ${html(w)}</p>`).join("")}
<div class="row"><div class="teams"><p class="label">Microsoft Teams</p><div class="card" id="card-${i}"></div></div>
<div class="slack"><p class="label">Slack</p>${it.slack.map(slackMessageHtml).join("")}</div>
<div><p class="label">Terminal</p><pre class="term">${html(it.terminal)}</pre></div></div></section>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><title>${html(title)}</title>
<style>${asset("adaptivecards/dist/adaptivecards.css")}${CSS}${SLACK_CSS}</style></head><body>
<h1>${html(title)}</h1>${rows.join("\n")}
<script>${asset("adaptivecards/dist/adaptivecards.min.js")}</script>
<script>
const host = new AdaptiveCards.HostConfig(${scriptJson(hostConfig)});
${scriptJson(items.map((it) => it.card))}.forEach((json, i) => {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = host;
  card.parse(json);
  document.getElementById("card-" + i).appendChild(card.render());
});
// "#only-4" shows that reply alone: a link to one reply, or a screenshot of it.
const only = location.hash.match(/^#only-([0-9]+)$/);
if (only) document.querySelectorAll(".item").forEach((s) => { if (s.id !== "item-" + only[1]) s.style.display = "none"; });
</script></body></html>`;
}
