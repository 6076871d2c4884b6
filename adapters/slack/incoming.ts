// Slack mark-up is cleaned at the edge so the core sees what the user meant: the bot's own
// mention goes, "<https://x|label>" becomes "label", "<#C1|kanava>" becomes "#kanava", and the
// three escaped characters come back.

export function cleanSlackText(text: string, botUserId?: string): string {
  return text
    .replace(botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, "g") : /^$/, " ")
    .replace(/<@[UW][A-Z0-9]+\|([^>]+)>/g, "@$1")
    .replace(/<#C[A-Z0-9]+\|([^>]*)>/g, "#$1")
    .replace(/<!(channel|here|everyone)[^>]*>/g, "@$1")
    .replace(/<(https?:[^|>]+)\|([^>]+)>/g, "$2")
    .replace(/<(https?:[^>]+)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

/** Threads are conversations: the root message's ts names the thread. DMs are one conversation. */
export function slackConversationId(channel: string, threadTs?: string): string {
  return threadTs ? `slack:${channel}:${threadTs}` : `slack:${channel}`;
}

/**
 * The address a later announcement to the same place goes to. The workspace (or the Enterprise
 * Grid organisation) says whose token may post there when the app is installed in many.
 */
export interface SlackAddress {
  channel: string;
  thread_ts?: string;
  team?: string;
  enterprise?: string;
}

/** The workspace an event came from, as Bolt's context names it, for addresses. */
export function workspaceOf(context: { teamId?: string; enterpriseId?: string }): Pick<SlackAddress, "team" | "enterprise"> {
  return { ...(context.teamId ? { team: context.teamId } : {}), ...(context.enterpriseId ? { enterprise: context.enterpriseId } : {}) };
}

/** Where a message was written, as the core names places: its workspace and its channel. */
export function slackPlace(address: SlackAddress): { organisation?: string; channel: string } {
  const workspace = address.team ?? address.enterprise;
  return { ...(workspace ? { organisation: `slack:${workspace}` } : {}), channel: `slack:${address.channel}` };
}
