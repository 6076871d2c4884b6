// `npm start`: every platform whose settings are present starts, sharing one process and one
// HTTP port; with none configured, the terminal chat opens instead.
import { knowledgeDir } from "./knowledge-dir.js";
import { runChat } from "./console/chat.js";
import { captureConsole, createLogger, logLevel } from "./log.js";
import { startRuntime } from "./runtime.js";

export async function start(env: NodeJS.ProcessEnv): Promise<number> {
  const log = createLogger({ level: logLevel(env) });
  const runtime = await startRuntime(env, log, knowledgeDir(env));
  if (runtime.adapters.length) captureConsole(log);
  if (runtime.adapters.length === 0) {
    await runChat(runtime.bot, process.stdin, process.stdout);
  } else {
    await new Promise<void>((done) => {
      process.once("SIGINT", () => done());
      process.once("SIGTERM", () => done());
    });
  }
  await runtime.stop();
  return 0;
}
