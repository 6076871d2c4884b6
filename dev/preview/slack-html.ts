// Block Kit as a Slack thread shows it, closely enough to judge length and layout: headers,
// sections (mrkdwn bold and line breaks), fields two a row, grey context lines and buttons.
// Not a Slack renderer; the real limits are checked by dev/checks/block-kit.ts.
import type { KnownBlock } from "@slack/types";

const html = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack mrkdwn arrives already escaped (&amp; &lt; &gt;); only *bold* and newlines are drawn. */
function mrkdwn(text: string): string {
  return text.replace(/\*([^*\n]+)\*/g, "<b>$1</b>").replace(/\n/g, "<br>");
}

function text(t: { type: string; text: string }): string {
  return t.type === "mrkdwn" ? mrkdwn(t.text) : html(t.text).replace(/\n/g, "<br>");
}

function block(b: KnownBlock): string {
  const o = b as unknown as Record<string, any>;
  switch (b.type) {
    case "header":
      return `<div class="s-header">${text(o.text)}</div>`;
    case "section":
      return `<div class="s-section">${o.text ? `<div>${text(o.text)}</div>` : ""}${o.fields ? `<div class="s-fields">${o.fields.map((f: any) => `<div>${text(f)}</div>`).join("")}</div>` : ""}</div>`;
    case "context":
      return `<div class="s-context">${o.elements.map((e: any) => `<span>${text(e)}</span>`).join(" ")}</div>`;
    case "actions":
      return `<div class="s-actions">${o.elements.map((e: any) => `<button title="${html(e.value ?? "")}">${html(e.text.text)}</button>`).join("")}</div>`;
    case "divider":
      return "<hr>";
    default:
      return `<div class="s-unknown">${html(b.type)}</div>`;
  }
}

export function slackMessageHtml(blocks: KnownBlock[]): string {
  return `<div class="s-message"><div class="s-avatar"></div><div class="s-body"><div class="s-name">Järjestöbotti <span>APP</span></div>${blocks.map(block).join("")}</div></div>`;
}

export const SLACK_CSS = `
.s-message{display:flex;gap:8px;font:15px/1.46668 Lato,"Segoe UI",Arial,sans-serif;color:#1d1c1d}
.s-avatar{flex:0 0 36px;height:36px;border-radius:6px;background:#006978}
.s-body{flex:1;min-width:0}
.s-name{font-weight:900}.s-name span{font-size:10px;background:#eee;color:#666;padding:1px 3px;border-radius:2px;font-weight:700}
.s-header{font-size:18px;font-weight:900;margin:6px 0 2px}
.s-section{margin:4px 0}
.s-fields{display:grid;grid-template-columns:1fr 1fr;gap:2px 16px;margin-top:4px}
.s-context{font-size:12px;color:#616061;margin:4px 0}
.s-actions{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0}
.s-actions button{font:700 13px Lato,Arial,sans-serif;border:1px solid #ccc;border-radius:4px;background:#fff;padding:0 12px;height:28px;white-space:nowrap}
`;
