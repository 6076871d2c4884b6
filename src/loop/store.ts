// What the loop remembers: questions asked, feedback on answers, coordinators' channels,
// escalations and reminders already sent. One small interface over the bot's database
// (sql-store.ts): SQLite by default, PostgreSQL when several instances share it (README,
// "Several instances").
import type { Language } from "../seam.js";

export type Rating = "up" | "down";

export interface NewQuestion {
  at: string;
  platform: string;
  /** The Slack workspace or Teams tenant ("slack:T0123"), when the platform has one. */
  organisation?: string;
  conversationId: string;
  /** Kept only while an escalation may need it (see forget), then cleared. */
  userId?: string;
  /** Where a coordinator's answer is relayed to; cleared with userId. */
  address?: unknown;
  text: string;
  language: Language;
  answered: boolean;
  /** Region ids and other entry ids the answer was built from. */
  regions: string[];
  topics: string[];
}

export interface StoredQuestion extends NewQuestion {
  id: string;
}

/** A conversation where coordinators take questions; no regions = every question. */
export interface CoordinatorChannel {
  platform: string;
  conversationId: string;
  address: unknown;
  regions: string[];
  language: Language;
}

export interface Escalation {
  id: string;
  questionId: string;
  at: string;
  /** The coordinators' channel (its conversation id) and the thread the question opened there. */
  channel: string;
  thread: string;
  status: "open" | "answered";
  answeredAt?: string;
}

export interface Count {
  key: string;
  count: number;
}

/** Everything a report shows: counts and question texts, never who asked or where. */
export interface ReportData {
  since?: string;
  /** Set when the report keeps to one organisation's questions; absent when it covers all. */
  organisation?: string;
  questions: number;
  answered: number;
  regions: Count[];
  topics: Count[];
  /** Grouped by the question's folded text, most frequent first. */
  unanswered: Count[];
  feedback: { up: number; down: number; reasons: Array<{ at: string; question: string; reason: string; entries: string[]; platform: string }> };
  escalations: { answered: number; open: Array<{ id: string; at: string; question: string; regions: string[]; platform: string }> };
}

export interface LoopStore {
  /**
   * Logs a question and returns its id at once; the write follows a moment later, batched with
   * others (see flush). Given a function, the store calls it when it writes: working out what the
   * row holds is then off the reply path too.
   */
  addQuestion(q: NewQuestion | (() => NewQuestion)): string;
  /** Writes whatever addQuestion has queued (before the database closes); reads of questions do it first. */
  flush(): Promise<void>;
  question(id: string): Promise<StoredQuestion | undefined>;
  /** A 👍/👎 on an answer; a second click replaces the first. */
  rate(questionId: string, rating: Rating, at: string): Promise<void>;
  /** The optional reason given after a 👎; false when there is no 👎 to attach it to. */
  giveReason(questionId: string, reason: string): Promise<boolean>;
  setChannel(c: CoordinatorChannel): Promise<void>;
  channels(): Promise<CoordinatorChannel[]>;
  addEscalation(e: Escalation): Promise<void>;
  escalationOf(questionId: string): Promise<Escalation | undefined>;
  escalationInThread(thread: string): Promise<Escalation | undefined>;
  markAnswered(id: string, at: string): Promise<void>;
  /** Questions asked since a date; with an organisation, only the questions asked there. */
  report(since?: string, organisation?: string): Promise<ReportData>;
  /** True the first time a key is seen (a reminder to send), false ever after. */
  firstTime(key: string, at: string): Promise<boolean>;
  /**
   * Deletes questions (with their feedback and escalations) asked before `before`, and clears the
   * asker's id and address where no escalation can need them any more (see retention.ts).
   */
  forget(o: { before: string; identitiesBefore: string }): Promise<{ questions: number; identities: number }>;
}
