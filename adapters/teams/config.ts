// Teams' settings. Without an app id Teams does not start, unless TEAMS_NO_AUTH=1 asks for the
// unauthenticated local mode of the Bot Framework Emulator (said loudly at start).
import { ConfigError } from "../platform.js";

export interface TeamsConfig {
  appId: string;
  password: string;
  tenantId: string;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  noAuth: boolean;
  /** Hosts shared files may be downloaded from: the organisation's SharePoint/OneDrive, plus TEAMS_FILE_HOSTS. */
  fileHosts: string[];
}

const TYPES = ["MultiTenant", "SingleTenant", "UserAssignedMSI"] as const;

export function readTeamsConfig(env: NodeJS.ProcessEnv): TeamsConfig | null {
  const noAuth = env.TEAMS_NO_AUTH === "1";
  const appId = env.MICROSOFT_APP_ID ?? "";
  if (!appId && !noAuth) return null;
  if (appId && noAuth) throw new ConfigError("TEAMS_NO_AUTH=1 and MICROSOFT_APP_ID are both set: unset one (TEAMS_NO_AUTH is for local testing only).");
  const appType = (env.MICROSOFT_APP_TYPE ?? "MultiTenant") as TeamsConfig["appType"];
  if (!TYPES.includes(appType)) throw new ConfigError(`MICROSOFT_APP_TYPE must be one of ${TYPES.join(", ")}.`);
  const password = env.MICROSOFT_APP_PASSWORD ?? "";
  const tenantId = env.MICROSOFT_APP_TENANT_ID ?? "";
  if (appId && appType !== "UserAssignedMSI" && !password) throw new ConfigError("MICROSOFT_APP_PASSWORD is missing: set the client secret of the bot's app registration.");
  if (appId && appType !== "MultiTenant" && !tenantId) throw new ConfigError(`MICROSOFT_APP_TENANT_ID is missing: a ${appType} bot needs its tenant id.`);
  const fileHosts = [".sharepoint.com", ...(env.TEAMS_FILE_HOSTS ?? "").split(",").map((h) => h.trim()).filter(Boolean)];
  return { appId, password, tenantId, appType, noAuth, fileHosts };
}
