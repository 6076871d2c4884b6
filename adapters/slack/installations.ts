// Bolt's InstallationStore over the installation rows: what Slack's OAuth flow stores, what each
// event's authorize looks up, and what an uninstall deletes. Installations are sealed with
// DATA_ENCRYPTION_KEY before they reach the rows, so no token is stored in clear, and only ids
// (never tokens) are logged.
import type { Installation, InstallationQuery, InstallationStore } from "@slack/oauth";
import type { Sealer } from "../../src/state/encryption.js";
import type { Logger } from "../log.js";
import type { InstallationRows } from "./installation-rows.js";

/** An org-wide install (Enterprise Grid) serves every workspace of the organisation. */
const keyOf = (q: { isEnterpriseInstall?: boolean; enterpriseId?: string | undefined; teamId?: string | undefined }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `enterprise:${q.enterpriseId}` : q.teamId ? `team:${q.teamId}` : undefined;

export interface SlackInstallations extends InstallationStore {
  deleteInstallation(query: InstallationQuery<boolean>): Promise<void>;
  /** Throws when the key does not open what is stored (DATA_ENCRYPTION_KEY changed or wrong). */
  checkKey(): Promise<void>;
}

export function createInstallationStore(rows: InstallationRows, sealer: Sealer, log: Logger): SlackInstallations {
  const open = (key: string, sealed: string) => JSON.parse(sealer.open(sealed, key)) as Installation;
  return {
    async storeInstallation(installation) {
      const enterpriseId = installation.enterprise?.id;
      const teamId = installation.team?.id;
      const key = keyOf({ isEnterpriseInstall: installation.isEnterpriseInstall ?? false, enterpriseId, teamId });
      if (!key) throw new Error("an installation without a workspace or organisation id cannot be stored");
      await rows.put({ key, sealed: sealer.seal(JSON.stringify(installation), key), at: new Date().toISOString(), ...(teamId ? { teamId } : {}), ...(enterpriseId ? { enterpriseId } : {}) });
      log.info("slack installation stored", { key, team: installation.team?.name, enterprise: installation.enterprise?.name });
    },
    async fetchInstallation(query) {
      // An event from a workspace of an organisation installed org-wide finds the org's row.
      const keys = [keyOf(query), query.enterpriseId ? `enterprise:${query.enterpriseId}` : undefined].filter((k): k is string => !!k);
      for (const key of new Set(keys)) {
        const row = await rows.get(key);
        if (row) return open(key, row.sealed);
      }
      throw new Error(`no installation for ${keys.join(" or ") || "a request without a workspace"}`);
    },
    async deleteInstallation(query) {
      const key = keyOf(query);
      const deleted = key !== undefined && (await rows.delete(key));
      log.info(deleted ? "slack installation deleted" : "slack installation to delete was not found", { key });
    },
    async checkKey() {
      const row = await rows.sample();
      if (row) open(row.key, row.sealed);
    },
  };
}
