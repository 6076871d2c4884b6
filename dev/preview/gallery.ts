// The replies the preview shows and the rendering tests check: in each language the welcome, the
// help, the five steps (and what "tell me more" adds), a region profile, a ranking, a comparison
// and an "I don't know", plus any question given. Each is asked in a fresh conversation, as a
// user who clicked nothing yet would see it.
import type { CoreBot } from "../../src/bot.js";
import type { Language, Reply } from "../../src/seam.js";
import { HELP_PHRASES } from "../../src/answers/help-phrases.js";

export interface GalleryEntry {
  /** What was asked ("welcome" and "help" for the fixed texts). */
  asked: string;
  language: Language;
  reply: Reply;
}

const QUESTIONS: Record<Language, string[]> = {
  fi: ["Pirkanmaa: kerro alueesta", "Missä on eniten järjestöavustuksia asukasta kohden?", "Vertaa Lappia ja Kainuuta", "Mikä on bussilipun hinta?"],
  sv: ["Birkaland: berätta om området", "Vilket område ger mest bidrag per invånare?", "Jämför Lappland och Kajanaland", "Hur mycket kostar en bussbiljett?"],
  en: ["Pirkanmaa: tell me about it", "Which county gives the most grants per resident?", "Compare Lapland and Kainuu", "Who won the ice hockey world championship?"],
};

export function galleryEntries(bot: CoreBot, extra: string[] = []): GalleryEntry[] {
  const entries: GalleryEntry[] = [];
  let n = 0;
  const ask = (text: string, conversationId = `preview:${++n}`) => {
    const reply = bot.answer({ text, conversationId, platform: "preview" });
    entries.push({ asked: text, language: reply.language, reply });
    return conversationId;
  };
  for (const language of ["fi", "sv", "en"] as const) {
    const h = HELP_PHRASES[language];
    entries.push({ asked: "welcome", language, reply: bot.welcome(language) }, { asked: "help", language, reply: bot.help(language) });
    const steps = ask(h.stepsQuestion);
    ask(h.more.question, steps);
    QUESTIONS[language].forEach((q) => ask(q));
  }
  extra.forEach((q) => ask(q));
  return entries;
}
