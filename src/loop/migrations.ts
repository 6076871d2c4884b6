// The loop's tables in the shared database (src/state/database.ts). Names are "loop/<nnn>-<what>";
// a shipped migration is never edited, a change is a new one.
import type { Migration } from "../state/database.js";

export const LOOP_MIGRATIONS: Migration[] = [
  {
    name: "loop/001-questions-feedback-escalations",
    up: `
      CREATE TABLE loop_questions (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        platform TEXT NOT NULL,
        conversation_id TEXT NOT NULL,
        user_id TEXT,
        address TEXT,
        text TEXT NOT NULL,
        folded TEXT NOT NULL,
        language TEXT NOT NULL,
        answered INTEGER NOT NULL
      );
      CREATE INDEX loop_questions_at ON loop_questions (at);
      CREATE TABLE loop_question_entries (
        question_id INTEGER NOT NULL REFERENCES loop_questions (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('region', 'topic')),
        entry_id TEXT NOT NULL,
        PRIMARY KEY (question_id, kind, entry_id)
      );
      CREATE TABLE loop_feedback (
        question_id INTEGER PRIMARY KEY REFERENCES loop_questions (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
        reason TEXT
      );
      CREATE TABLE loop_channels (
        conversation_id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        address TEXT NOT NULL,
        regions TEXT NOT NULL,
        language TEXT NOT NULL
      );
      CREATE TABLE loop_escalations (
        id TEXT PRIMARY KEY,
        question_id INTEGER NOT NULL UNIQUE REFERENCES loop_questions (id) ON DELETE CASCADE,
        at TEXT NOT NULL,
        channel TEXT NOT NULL,
        thread TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'answered')),
        answered_at TEXT
      );
      CREATE INDEX loop_escalations_thread ON loop_escalations (thread);
      CREATE TABLE loop_reminders (key TEXT PRIMARY KEY, at TEXT NOT NULL);
    `,
  },
  {
    // The Slack workspace or Teams tenant a question came from: reports keep to their organisation.
    name: "loop/002-question-organisation",
    up: `
      ALTER TABLE loop_questions ADD COLUMN organisation TEXT;
      CREATE INDEX loop_questions_organisation ON loop_questions (organisation, at);
    `,
  },
];
