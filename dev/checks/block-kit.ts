// Checks Slack messages and views against Block Kit's published limits, which Slack enforces by
// refusing the whole message (invalid_blocks): blocks per message or view, text per section,
// fields per section, header, button and context sizes, input fields, and no empty text.
import type { KnownBlock } from "@slack/types";

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 40_000,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  contextElements: 10,
  inputLabel: 2000,
  blockId: 255,
  inputMaxLength: 3000,
} as const;

type Text = { type?: string; text?: string };

function textProblems(where: string, t: Text | undefined, max: number, plainOnly = false): string[] {
  if (!t) return [];
  const out: string[] = [];
  if (typeof t.text !== "string" || t.text.length === 0) out.push(`${where}: empty text`);
  else if (t.text.length > max) out.push(`${where}: ${t.text.length} characters (max ${max})`);
  if (plainOnly && t.type !== "plain_text") out.push(`${where}: must be plain_text`);
  if (t.type !== "plain_text" && t.type !== "mrkdwn") out.push(`${where}: unknown text type ${t.type}`);
  return out;
}

function blockProblems(b: KnownBlock, i: number): string[] {
  const at = `block ${i} (${b.type})`;
  const o = b as unknown as Record<string, unknown>;
  switch (b.type) {
    case "header":
      return textProblems(at, o.text as Text, LIMITS.header, true);
    case "section": {
      const fields = (o.fields as Text[] | undefined) ?? [];
      const out = [...textProblems(at, o.text as Text | undefined, LIMITS.sectionText), ...fields.flatMap((f, j) => textProblems(`${at} field ${j}`, f, LIMITS.fieldText))];
      if (fields.length > LIMITS.fields) out.push(`${at}: ${fields.length} fields (max ${LIMITS.fields})`);
      if (!o.text && !fields.length) out.push(`${at}: neither text nor fields`);
      return out;
    }
    case "context": {
      const els = (o.elements as Text[]) ?? [];
      const out = els.flatMap((e, j) => textProblems(`${at} element ${j}`, e, LIMITS.sectionText));
      if (els.length === 0 || els.length > LIMITS.contextElements) out.push(`${at}: ${els.length} elements (1–${LIMITS.contextElements})`);
      return out;
    }
    case "actions": {
      const els = (o.elements as Array<{ type: string; text?: Text; value?: string; action_id?: string }>) ?? [];
      const out = els.flatMap((e, j) => [
        ...(e.type === "button" ? textProblems(`${at} button ${j}`, e.text, LIMITS.buttonText, true) : []),
        ...((e.value?.length ?? 0) > LIMITS.buttonValue ? [`${at} button ${j}: value over ${LIMITS.buttonValue}`] : []),
        ...((e.action_id?.length ?? 0) > LIMITS.actionId ? [`${at} button ${j}: action_id over ${LIMITS.actionId}`] : []),
      ]);
      const ids = els.map((e) => e.action_id).filter(Boolean);
      if (new Set(ids).size !== ids.length) out.push(`${at}: repeated action_id`);
      if (els.length === 0 || els.length > LIMITS.actionsElements) out.push(`${at}: ${els.length} elements (1–${LIMITS.actionsElements})`);
      return out;
    }
    case "divider":
      return [];
    case "input": {
      // A text field in a message (the loop's 👎 reason) must dispatch its value, or it is never sent.
      const e = o.element as { type?: string; action_id?: string; max_length?: number };
      return [
        ...textProblems(`${at} label`, o.label as Text, LIMITS.inputLabel, true),
        ...(typeof o.block_id === "string" && o.block_id.length > LIMITS.blockId ? [`${at}: block_id over ${LIMITS.blockId}`] : []),
        ...(e?.type !== "plain_text_input" ? [`${at}: element ${e?.type} is not checked here`] : []),
        ...(!e?.action_id || e.action_id.length > LIMITS.actionId ? [`${at}: action_id missing or too long`] : []),
        ...((e?.max_length ?? 0) > LIMITS.inputMaxLength ? [`${at}: max_length over ${LIMITS.inputMaxLength}`] : []),
        ...(o.dispatch_action !== true ? [`${at}: an input in a message needs dispatch_action`] : []),
      ];
    }
    default:
      return [`${at}: a block type this check does not know`];
  }
}

/** What Slack would refuse in a message; empty when it is valid. */
export function messageProblems(m: { text: string; blocks: KnownBlock[] }, maxBlocks: number = LIMITS.messageBlocks): string[] {
  const out = m.blocks.flatMap(blockProblems);
  if (m.blocks.length > maxBlocks) out.push(`${m.blocks.length} blocks (max ${maxBlocks})`);
  if (!m.text) out.push("no fallback text");
  if (m.text.length > LIMITS.messageText) out.push(`fallback text of ${m.text.length} characters`);
  return out;
}
