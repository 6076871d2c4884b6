// `npm run teams:package`: the app package for the bot registered under MICROSOFT_APP_ID, with
// the publisher's name and web pages from TEAMS_DEVELOPER_NAME and TEAMS_*_URL.
import { ConfigError } from "../platform.js";
import { buildTeamsPackage, publisherFrom } from "./package-app.js";

export async function teamsPackageCommand(env: NodeJS.ProcessEnv, outFile: string): Promise<number> {
  const botId = env.MICROSOFT_APP_ID;
  if (!botId || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(botId))
    throw new ConfigError("MICROSOFT_APP_ID must be set to the bot's app registration id (a GUID) to build the Teams package.");
  const { publisher, defaulted } = publisherFrom(env);
  const file = await buildTeamsPackage({ botId, outFile, publisher, version: env.npm_package_version ?? "1.0.0" });
  process.stdout.write(`wrote ${file}: upload it in Teams (Apps › Manage your apps › Upload an app)\n`);
  if (defaulted.length) process.stdout.write(`publisher details from defaults (${publisher.name}); set ${defaulted.join(", ")} for your organisation\n`);
  return 0;
}
