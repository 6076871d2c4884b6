// The one seam between the bot core and the platform adapters. Adapters turn a platform event
// into an IncomingMessage, call bot.handle, and render the Reply; nothing platform-specific
// crosses this file in either direction.
import type { Language } from "./knowledge/schema.js";

export type { Language };

export interface IncomingMessage {
  /** The question as the user wrote it, with platform mark-up (mentions, links) already removed. */
  text: string;
  /** Stable id of the conversation (Slack channel+thread, Teams conversation id, console session). */
  conversationId: string;
  /** Platform-qualified user id ("slack:U0123"), for logs and permissions; never shown. */
  userId?: string;
  /** The user's name as the platform shows it, when the adapter knows it: a knowledge commit's author. */
  userName?: string;
  platform: string;
  /** The user's locale as the platform knows it ("fi-FI", "sv", "en-US"), a hint only. */
  locale?: string;
  /**
   * Where a later message to this conversation goes (a Slack channel, a Teams conversation
   * reference). The core stores it for announcements and hands it back, never reading it.
   */
  address?: unknown;
  /**
   * The organisation the message comes from, platform-qualified: a Slack workspace ("slack:T0123")
   * or a Teams tenant ("teams:<tenant id>"). Questions and reports are kept per organisation.
   */
  organisation?: string;
  /** The channel or chat, platform-qualified and without the thread: where a home region may be set. */
  channel?: string;
  /**
   * The region id a question is about when it points at the asker's own place ("meillä", "here")
   * and names no region: the home region of the channel, else of the organisation.
   */
  homeRegion?: string;
  /**
   * The message starts its conversation: a mention outside any thread, answered in a new thread
   * of its own. Nobody has written there before, so it is no coordinators' case thread, and the
   * loop need not look for one.
   */
  startsThread?: boolean;
  /** A file the user attached (a knowledge file a coordinator uploads), as text. */
  attachment?: { name: string; text: string };
}

export interface ReplyFact {
  label: string;
  value: string;
}

export interface ReplySource {
  id: string;
  title: string;
  publisher: string;
  /** The date the facts describe, in words in the reply's language. */
  describes: string;
}

/** A follow-up the user can pick: a short button label and the full question it asks. */
export interface Suggestion {
  /** At most about 22 characters, in natural words ("Asukasta kohden", "Askel 3"). */
  label: string;
  /** The question sent back to the bot when the suggestion is picked. */
  question: string;
}

/** Rows that people compare (rankings, comparisons): rendered aligned where the platform can. */
export interface ReplyTable {
  columns: string[];
  rows: string[][];
}

/** The rest of a long answer, shown on request ("Kerro lisää", a card's show-more). */
export interface ReplyMore {
  paragraphs: string[];
  facts: ReplyFact[];
  items: string[];
  ordered: boolean;
}

/**
 * A platform-neutral answer, read top to bottom: title, paragraphs (the direct answer first),
 * facts, table, items, notes (method notes that follow a list), sources, suggestions. `more` is
 * one click away. `text` is always a complete plain-text rendering of all but `more`.
 */
export interface Reply {
  /** False when the bot has no answer from its knowledge (out of scope, noise, unsure). */
  answered: boolean;
  language: Language;
  title?: string;
  paragraphs: string[];
  facts: ReplyFact[];
  items: string[];
  /** Whether items are an ordered list (the five steps, a ranking). */
  ordered: boolean;
  table?: ReplyTable;
  /** Notes that belong after the figures or list (how a ranking was computed, what it leaves out). */
  notes: string[];
  more?: ReplyMore;
  sources: ReplySource[];
  /** Follow-ups the user may pick; sending a suggestion's question back asks it. */
  suggestions: Suggestion[];
  text: string;
  /** Knowledge entries the answer was built from (region ids, entry ids), for logs and tests. */
  entryIds: string[];
  /** Feedback and "ask a coordinator" controls; set by the runtime's loop (src/loop), never by the core. */
  loop?: ReplyLoop;
}

/** What the adapters render under an answer so that its gaps reach people (see src/loop). */
export interface ReplyLoop {
  /** The logged question the controls refer to; adapters send it back with the click. */
  questionId: string;
  /** "rating": 👍/👎 buttons; "reason": a text field for why the answer fell short. */
  ask: "rating" | "reason";
  /** Whether to offer "Kysy koordinaattorilta". */
  escalate: boolean;
}

export interface Bot {
  /** Answers one message in its conversation; follow-ups use the conversation's earlier turns. */
  handle(message: IncomingMessage): Promise<Reply>;
  /** How to ask, in a language: for a help command, the Slack App Home and the like. */
  help(language: Language): Reply;
  /** What the bot says once when it is added to a conversation, in a language. */
  welcome(language: Language): Reply;
}
