// `npm start`: every platform whose settings are present starts, sharing one process and one
// HTTP port; with none configured, the terminal chat opens instead.
import type { PlatformAdapter } from "./platform.js";
import { createLogger } from "./log.js";
import { startHttpServer } from "./server.js";
import { knowledgeDir, openBot } from "./cli.js";
import { runChat } from "./console/chat.js";

export async function start(env: NodeJS.ProcessEnv): Promise<number> {
  const log = createLogger();
  const bot = openBot(knowledgeDir(env));
  const adapters: PlatformAdapter[] = [];
  // Each SDK is imported only when its platform is configured: botbuilder alone is 130 MB.
  if (env.SLACK_BOT_TOKEN || env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET) {
    const { createSlackAdapter } = await import("./slack/index.js");
    const slack = createSlackAdapter({ bot, env, log });
    if (slack) adapters.push(slack);
  }
  if (env.MICROSOFT_APP_ID || env.TEAMS_NO_AUTH) {
    const { createTeamsAdapter } = await import("./teams/index.js");
    const teams = createTeamsAdapter({ bot, env, log });
    if (teams) adapters.push(teams);
  }
  if (adapters.length === 0) {
    await runChat(bot, process.stdin, process.stdout);
    return 0;
  }
  const port = Number(env.PORT ?? 3978);
  const host = env.HOST ?? "0.0.0.0";
  const server = adapters.some((a) => a.routes) ? await startHttpServer(adapters, { port, host }) : undefined;
  for (const a of adapters) await a.start();
  log.info("started", { adapters: adapters.map((a) => a.name), url: server?.url });
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  for (const a of adapters) await a.stop().catch((err: unknown) => log.error("stop failed", { adapter: a.name, err }));
  await server?.close();
  return 0;
}
