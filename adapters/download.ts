// Fetching a file a coordinator shared with the bot (a knowledge file to upload). The URL comes in
// an event anyone could shape, so it is fetched only from the platform's own file hosts (the bot
// token must never reach another host), with no redirects, within a time limit, and with the bytes
// counted as they arrive: neither a declared size nor a Content-Length header is trusted.
import type { UploadFailure } from "../src/curation/upload-failed.js";

export interface DownloadRules {
  /** Host names allowed; ".example.com" allows its subdomains. */
  hosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  headers?: Record<string, string>;
}


export class DownloadError extends Error {
  override name = "DownloadError";
  constructor(readonly reason: UploadFailure, message: string) {
    super(message);
  }
}

/** Knowledge files are a few kilobytes; the loader reads at most this much of one. */
export const MAX_DOWNLOAD_BYTES = 1_000_000;

export function allowedHost(url: string, hosts: readonly string[]): boolean {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== "https:" && u.protocol !== "http:") return false;
    host = u.hostname.toLowerCase();
  } catch {
    return false;
  }
  return hosts.some((h) => (h.startsWith(".") ? host.endsWith(h) && host.length > h.length : host === h));
}

export async function downloadText(url: string, rules: DownloadRules): Promise<string> {
  if (!allowedHost(url, rules.hosts)) throw new DownloadError("host", `not a file host of the platform: ${safeHost(url)}`);
  const signal = AbortSignal.timeout(rules.timeoutMs);
  try {
    const res = await fetch(url, { headers: rules.headers ?? {}, redirect: "error", signal });
    if (!res.ok || !res.body) throw new DownloadError("http", `HTTP ${res.status}`);
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    for await (const chunk of res.body) {
      bytes += chunk.byteLength;
      if (bytes > rules.maxBytes) {
        await res.body.cancel().catch(() => {});
        throw new DownloadError("size", `over ${rules.maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString("utf8");
  } catch (err) {
    if (err instanceof DownloadError) throw err;
    if (signal.aborted) throw new DownloadError("timeout", `no complete answer in ${rules.timeoutMs / 1000} s`);
    throw new DownloadError("http", (err as Error).message);
  }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "(not a URL)";
  }
}
