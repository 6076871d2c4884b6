// A question's length is bounded before any understanding runs: the word matching and the
// did-you-mean search grow with the text, and one 40 000-character message once stalled every
// conversation for seconds. Real questions are a sentence or two; a longer text is answered from
// its beginning, and the reply says so, in the reply's language.
import { renderText } from "./answers/reply-builder.js";
import type { IncomingMessage, Language, Reply } from "./seam.js";

export const MAX_QUESTION_CHARS = 500;

const NOTE: Record<Language, string> = {
  fi: `Kysymys oli pitkä, joten vastasin sen alkuun (${MAX_QUESTION_CHARS} ensimmäistä merkkiä). Kysy loput erikseen.`,
  sv: `Frågan var lång, så jag svarade på dess början (de första ${MAX_QUESTION_CHARS} tecknen). Ställ resten separat.`,
  en: `The question was long, so I answered its beginning (the first ${MAX_QUESTION_CHARS} characters). Please ask the rest separately.`,
};

/** The message with its text cut to the limit (at a word boundary when there is one), and whether it was cut. */
export function limitQuestion(message: IncomingMessage): { message: IncomingMessage; cut: boolean } {
  if (message.text.length <= MAX_QUESTION_CHARS) return { message, cut: false };
  const head = message.text.slice(0, MAX_QUESTION_CHARS);
  const space = head.lastIndexOf(" ");
  const text = space > MAX_QUESTION_CHARS / 2 ? head.slice(0, space) : head;
  return { message: { ...message, text }, cut: true };
}

/** The reply with a note that only the beginning of the question was answered. */
export function noteCutQuestion(reply: Reply): Reply {
  const noted = { ...reply, notes: [...reply.notes, NOTE[reply.language]] };
  return { ...noted, text: renderText(noted) };
}
