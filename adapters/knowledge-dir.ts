// Where the knowledge files are: KNOWLEDGE_DIR, else ./knowledge in the working directory, else
// the one beside this package. Its own module so that the command line, `npm start` and the
// benchmark share it without importing each other.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function knowledgeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.KNOWLEDGE_DIR) return resolve(env.KNOWLEDGE_DIR);
  const here = resolve("knowledge");
  return existsSync(here) ? here : join(packageRoot, "knowledge");
}
