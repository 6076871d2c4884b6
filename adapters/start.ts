// `npm start`: every platform whose settings are present starts, sharing one process and one
// HTTP port; with none configured, the terminal chat opens instead. The knowledge directory is
// watched, coordinators' changes are announced through the platforms that subscribers use.
import { resolve } from "node:path";
import { createBot } from "../src/bot.js";
import { parseCoordinators } from "../src/curation/coordinators.js";
import { createCurator } from "../src/curation/curator.js";
import { createFileStateStore } from "../src/curation/state.js";
import { formatProblem } from "../src/knowledge/parse-file.js";
import { createKnowledgeStore } from "../src/knowledge/store.js";
import { watchKnowledge } from "../src/knowledge/watch.js";
import { curationReply } from "../src/curation/curation-phrases.js";
import { knowledgeDir } from "./cli.js";
import { runChat } from "./console/chat.js";
import { createLogger } from "./log.js";
import { ConfigError, type PlatformAdapter } from "./platform.js";
import { startHttpServer } from "./server.js";

export async function start(env: NodeJS.ProcessEnv): Promise<number> {
  const log = createLogger();
  const store = createKnowledgeStore(knowledgeDir(env));
  const adapters: PlatformAdapter[] = [];
  const sendTo = async (platform: string, address: unknown, reply: Parameters<NonNullable<PlatformAdapter["send"]>>[1]) => {
    const adapter = adapters.find((a) => a.name === platform);
    if (!adapter?.send) throw new Error(`no running adapter can send to ${platform}`);
    await adapter.send(address, reply);
  };
  let coordinators;
  try {
    coordinators = parseCoordinators(env.COORDINATORS);
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
  const curator = createCurator({
    store,
    state: createFileStateStore(resolve(env.DATA_DIR ?? "data")),
    coordinators,
    announce: (s, reply) => sendTo(s.platform, s.address, reply),
    log: (event, context) => log.info(event, context),
  });
  const bot = createBot({ store, curator });

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
  const stopWatching = watchKnowledge(store, {
    reloaded: (before, after, ms) => {
      log.info("knowledge reloaded", { version: after.version, ms: Math.round(ms) });
      curator.knowledgeChanged(before, after).catch((err: unknown) => log.error("announcing a file change failed", { err }));
    },
    refused: (problems) => {
      log.error("knowledge change refused; the last good knowledge keeps serving", { problems: problems.map(formatProblem) });
      const [platform, channel] = (env.COORDINATOR_CHANNEL ?? "").split(":");
      if (platform && channel) {
        const reply = curationReply("fi", "Tietopohjan muutos hylättiin: virheet tiedostoissa", problems.map(formatProblem), false);
        sendTo(platform, { channel }, reply).catch((err: unknown) => log.error("telling coordinators failed", { err }));
      }
    },
  });
  if (adapters.length === 0) {
    await runChat(bot, process.stdin, process.stdout);
    stopWatching();
    return 0;
  }
  const port = Number(env.PORT ?? 3978);
  const host = env.HOST ?? "0.0.0.0";
  const server = adapters.some((a) => a.routes) ? await startHttpServer(adapters, { port, host }) : undefined;
  for (const a of adapters) await a.start();
  log.info("started", { adapters: adapters.map((a) => a.name), url: server?.url });
  await new Promise<void>((done) => {
    process.once("SIGINT", () => done());
    process.once("SIGTERM", () => done());
  });
  stopWatching();
  for (const a of adapters) await a.stop().catch((err: unknown) => log.error("stop failed", { adapter: a.name, err }));
  await server?.close();
  return 0;
}
