// In-core benchmark: the bot's latency over a mixed question set beside plain fuse.js searching
// the same knowledge in the same run, the same with the knowledge scaled x100, and start-up.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fuse from "fuse.js";
import { createBot, type CoreBot } from "../src/bot.js";
import type { Knowledge, Region } from "../src/knowledge/load.js";
import { loadKnowledge } from "../src/knowledge/load.js";
import { compileKnowledge, createKnowledgeStore, type KnowledgeStore } from "../src/live/store.js";

const QUESTIONS = [
  "Paljonko Pirkanmaan hyvinvointialue jakaa järjestöavustuksia?",
  "montako sote-jarjestoa lapissa on",
  "Hur många invånare har Österbotten?",
  "How much funding did North Karelia get in 2023?",
  "Mitkä ovat viisi askelta toimivaan järjestöyhteistyöhön?",
  "Millä alueella on eniten järjestöjä asukasta kohden?",
  "Mikä on STEA?",
  "Paljonko valtionavustuksia leikataan?",
  "Kerro Keusoten yhteistyörakenteista",
  "entä Kainuun?",
  "Vertaa Satakuntaa ja Kymenlaaksoa",
  "Mikä on huomisen sääennuste?",
];

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(rounds: number, fn: (q: string, i: number) => void): number[] {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    QUESTIONS.forEach((q, i) => {
      const t0 = process.hrtime.bigint();
      fn(q, r * QUESTIONS.length + i);
      samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return samples.sort((a, b) => a - b);
}

function fixedStore(k: Knowledge): KnowledgeStore {
  const compiled = compileKnowledge(k, 1);
  return { dir: "(memory)", current: () => compiled, reload: () => ({ ok: true, compiled }) };
}

/** 100 copies of every region under made-up names, so the name tables and rankings grow x100. */
function scaled(k: Knowledge, times: number): Knowledge {
  const regions: Region[] = [...k.regions];
  for (let n = 1; n < times; n++) {
    for (const r of k.regions) {
      const tag = `Synt${n}x`;
      const rename = (s: string) => `${tag}${s.replace(/[\s-]/g, "")}`;
      regions.push({
        ...r,
        id: `synt-${n}-${r.id}`,
        names: { ...r.names, fi: rename(r.names.fi), fi_forms: r.names.fi_forms.map(rename), sv: rename(r.names.sv), sv_forms: [], en: rename(r.names.en), en_forms: [], short: [], short_capitalised: [] },
      });
    }
  }
  return { ...k, regions };
}

function fuseBaseline(k: Knowledge): Fuse<{ words: string[] }> {
  const docs = [
    ...k.entries.map((e) => ({ words: [...e.words, typeof e.title === "string" ? e.title : e.title.fi] })),
    ...k.regions.map((r) => ({ words: [r.names.fi, r.names.sv, r.names.en, ...r.names.fi_forms] })),
  ];
  return new Fuse(docs, { keys: ["words"], threshold: 0.4, ignoreLocation: true });
}

function line(print: (s: string) => void, name: string, samples: number[]): number {
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  const perSecond = samples.length / (samples.reduce((a, b) => a + b, 0) / 1000);
  print(`${name.padEnd(34)} p50 ${p50.toFixed(3)} ms  p99 ${p99.toFixed(3)} ms  ${Math.round(perSecond)} answers/s`);
  return p50;
}

export async function benchCore(print: (line: string) => void, knowledgeDir: string): Promise<void> {
  const loaded = loadKnowledge(knowledgeDir);
  if (!loaded.ok) throw new Error("knowledge does not load");
  const k = loaded.knowledge;
  const rounds = 300;
  const ask = (bot: CoreBot) => (q: string, i: number) => bot.answer({ text: q, conversationId: `b${i % 7}`, platform: "bench" });

  const bot = createBot({ store: fixedStore(k) });
  time(20, ask(bot)); // warm-up: JIT and stem caches
  const fuse = fuseBaseline(k);
  time(2, (q) => fuse.search(q));
  const core = line(print, `bot (${k.regions.length} regions)`, time(rounds, ask(bot)));
  // Plain fuse.js is slow enough on whole questions that a few rounds give a steady median.
  const plain = line(print, "plain fuse.js search, same entries", time(10, (q) => fuse.search(q)));
  print(`  plain fuse.js takes ${(plain / core).toFixed(0)}x the bot's time (p50)`);

  const big = scaled(k, 100);
  const t0 = performance.now();
  const bigBot = createBot({ store: fixedStore(big) });
  const compileMs = performance.now() - t0;
  time(5, ask(bigBot));
  const bigFuse = fuseBaseline(big);
  const coreBig = line(print, `bot (${big.regions.length} regions, x100)`, time(50, ask(bigBot)));
  const plainBig = line(print, "plain fuse.js, x100", time(2, (q) => bigFuse.search(q)));
  print(`  at x100 plain fuse.js takes ${(plainBig / coreBig).toFixed(0)}x the bot's time; bot x100/x1: ${(coreBig / core).toFixed(1)}; compile x100: ${compileMs.toFixed(0)} ms`);

  // A coordinator's edit: one file changes, the directory reloads (parse, validate, compile).
  const copy = mkdtempSync(join(tmpdir(), "bench-kb-"));
  cpSync(knowledgeDir, copy, { recursive: true });
  const store = createKnowledgeStore(copy);
  const file = join(copy, "regions", readdirSync(join(copy, "regions"))[0]!);
  const original = readFileSync(file, "utf8");
  const reloads: number[] = [];
  for (let i = 0; i < 20; i++) {
    writeFileSync(file, original + `# edit ${i}\n`);
    const t = performance.now();
    if (!store.reload().ok) throw new Error("reload failed");
    reloads.push(performance.now() - t);
  }
  rmSync(copy, { recursive: true, force: true });
  reloads.sort((a, b) => a - b);
  print(`reload after a one-file edit: p50 ${percentile(reloads, 50).toFixed(1)} ms, max ${reloads[reloads.length - 1]!.toFixed(1)} ms`);

  const bin = join(import.meta.dirname, "..", "bin", "jarjestobotti.mjs");
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    spawnSync(process.execPath, [bin, "ask", QUESTIONS[0]!], { encoding: "utf8", env: { ...process.env, KNOWLEDGE_DIR: knowledgeDir } });
    runs.push(performance.now() - s);
  }
  print(`start-up to first answer (new process, median of 3): ${runs.sort((a, b) => a - b)[1]!.toFixed(0)} ms`);
  print(`peak RSS of this benchmark process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}
