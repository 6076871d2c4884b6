// A knowledge file (YAML) or a spreadsheet of figures (CSV) a coordinator sent in a personal chat.
// Teams gives a pre-authorised download URL on the organisation's SharePoint/OneDrive; it is
// fetched only for coordinators and only from those hosts (download.ts), so a hand-made activity cannot make the bot fetch from anywhere else.
import type { Activity } from "botbuilder";
import type { Reply } from "../../src/seam.js";
import { uploadFailedReply } from "../../src/curation/upload-failed.js";
import { DownloadError, downloadText, MAX_DOWNLOAD_BYTES } from "../download.js";
import type { Logger } from "../log.js";

const FILE_INFO = "application/vnd.microsoft.teams.file.download.info";

export type SharedFile = { attachment: { name: string; text: string } } | { failed: Reply } | undefined;

export interface FileRules {
  hosts: readonly string[];
  timeoutMs: number;
  isCoordinator: (userId: string) => boolean;
}

export async function sharedFile(a: Activity, rules: FileRules, log: Logger): Promise<SharedFile> {
  const file = a.attachments?.find((x) => x.contentType === FILE_INFO && /\.(ya?ml|csv)$/i.test(x.name ?? ""));
  const url = (file?.content as { downloadUrl?: string } | undefined)?.downloadUrl;
  if (!file || !url) return undefined;
  const name = file.name!;
  // Nothing is fetched for someone who may not change the knowledge: the core refuses them.
  if (!rules.isCoordinator(`teams:${a.from.aadObjectId ?? a.from.id}`)) return { attachment: { name, text: "" } };
  try {
    return { attachment: { name, text: await downloadText(url, { hosts: rules.hosts, maxBytes: MAX_DOWNLOAD_BYTES, timeoutMs: rules.timeoutMs }) } };
  } catch (err) {
    if (!(err instanceof DownloadError)) throw err;
    log.warn("teams file not downloaded", { file: name, reason: err.reason, detail: err.message });
    return { failed: uploadFailedReply(a.locale, name, err.reason, MAX_DOWNLOAD_BYTES) };
  }
}
