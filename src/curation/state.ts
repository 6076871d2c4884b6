// What curation must remember across restarts: every change from its preview to its outcome, and
// who subscribes to announcements. One small interface over the bot's database
// (src/state/curation-store.ts): SQLite by default, PostgreSQL when several instances share it.
//
// A change moves proposed -> writing -> applied. "writing" is recorded BEFORE the knowledge file
// is written and "applied" after, so a crash between the two leaves a record that the next start
// settles by looking at the file (reconcile.ts): no change is ever live without its record.

/** Who may confirm a change: coordinators of all these regions, or only full coordinators. */
export type Rights = readonly string[] | "all";

/** One knowledge file a change writes. */
export interface FileChange {
  /** Relative to the knowledge directory. */
  file: string;
  /** The file's text when the change was previewed (confirming checks nobody changed it since). */
  before: string;
  after: string;
}

/** The files of a change, for a coordinator to read: "regions/lappi.yaml, regions/kainuu.yaml". */
export const fileNames = (files: readonly FileChange[]) => files.map((f) => f.file).join(", ");

export interface Change {
  id: string;
  /** Platform-qualified user id ("slack:U0123"), "file" for edits made on disk, "cli:<user>" for the command line. */
  user: string;
  platform: string;
  /** Every file the change writes: one for a chat edit or an upload, several for a spreadsheet of figures. */
  files: FileChange[];
  /** What changed, in Finnish words, for the history. */
  summary: string[];
  /** The rights the change needs: the regions the file holds before and after it. */
  rights: Rights;
  /** Set on a change that undoes another. */
  undoes?: string;
  /** The author's name as the platform shows it (a commit's author in a knowledge repository). */
  userName?: string;
}

export interface HistoryRecord extends Change {
  /** When it was applied (ISO time). */
  at: string;
}

export interface Subscription {
  platform: string;
  /** Where to send: the adapter's own address (a Slack channel, a Teams conversation reference). */
  address: unknown;
  conversationId: string;
  /** Region ids, or empty for every change. */
  regions: string[];
  language: "fi" | "sv" | "en";
}

/** A change left between "writing" and "applied", and since when (ISO time) it has been writing. */
export type Unfinished = Change & { since: string };

export interface StateStore {
  /** Applied changes, newest first. */
  history(limit: number): Promise<HistoryRecord[]>;
  historyRecord(id: string): Promise<HistoryRecord | undefined>;
  /** A change made on disk (not from chat) is recorded as applied at once. */
  recordApplied(record: HistoryRecord): Promise<void>;
  /** Whether an applied change already brought this file to this text (written by another process, e.g. `kb import`). */
  isRecorded(file: string, after: string): Promise<boolean>;

  /** Keeps a previewed change until it is confirmed, cancelled or expires. */
  propose(change: Change, expiresAt: Date): Promise<void>;
  /** A change still awaiting confirmation (not expired). */
  proposed(id: string, now: Date): Promise<Change | undefined>;
  /** proposed -> writing, before the file is written; false if it was handled meanwhile. */
  startWriting(id: string, at: Date): Promise<boolean>;
  /** writing -> applied, after the file is written. */
  markApplied(id: string, at: Date): Promise<void>;
  /** writing -> proposed: the write failed and nothing changed, so it may be confirmed again. */
  writeFailed(id: string): Promise<void>;
  /** writing -> failed: the file never got the change (found at start, or it would not load). */
  markFailed(id: string): Promise<void>;
  /** proposed -> cancelled; false when there was no such proposed change. */
  cancel(id: string): Promise<boolean>;
  /** Changes a crash left between "writing" and "applied". */
  unfinished(): Promise<Unfinished[]>;

  subscriptions(): Promise<Subscription[]>;
  /** Adds or replaces the conversation's subscription. */
  subscribe(s: Subscription): Promise<void>;
  /** False when the conversation had none. */
  unsubscribe(conversationId: string): Promise<boolean>;
}
