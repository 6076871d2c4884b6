// A throw-away copy of the real knowledge directory that a test may break on purpose.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KNOWLEDGE_DIR } from "./bot.js";

export interface KnowledgeCopy {
  dir: string;
  read(file: string): string;
  write(file: string, text: string): void;
  /** Replaces the first occurrence of `from` in a file; fails loudly if it is not there. */
  edit(file: string, from: string | RegExp, to: string): void;
  remove(): void;
}

export function copyKnowledge(): KnowledgeCopy {
  const dir = mkdtempSync(join(tmpdir(), "kb-"));
  cpSync(KNOWLEDGE_DIR, dir, { recursive: true });
  const read = (file: string) => readFileSync(join(dir, file), "utf8");
  const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
  return {
    dir,
    read,
    write,
    edit(file, from, to) {
      const before = read(file);
      const after = before.replace(from, to);
      if (after === before) throw new Error(`${file}: ${String(from)} not found`);
      write(file, after);
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
