// The real `jarjestobotti start` in a child process, for tests that must see what the process
// does (survive a broken file, be killed with SIGKILL midway and restart). Its JSON log lines
// (stderr) are collected; the HTTP address comes from the "started" line.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import { until } from "../../dev/stand-ins/until.js";

const BIN = join(import.meta.dirname, "..", "..", "bin", "jarjestobotti.mjs");

export interface ServerProcess {
  url: string;
  logs: Array<Record<string, unknown>>;
  child: ChildProcess;
  /** Whether the process is still running. */
  alive(): boolean;
  /** The first log line with this event, once it appears. */
  logged(event: string, ms?: number): Promise<Record<string, unknown>>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** As root, file permissions do not hold, so a test of them runs the server as this user instead. */
export const UNPRIVILEGED = { uid: 65534, gid: 65534 };

/**
 * Who a server should run as for permissions to hold: nobody special when the tests are not root;
 * the unprivileged user when they are and it can read this checkout; null when neither works (a
 * checkout under /root), where a test of permissions cannot run.
 */
export function ordinaryUser(): { uid: number; gid: number } | undefined | null {
  if (process.getuid?.() !== 0) return undefined;
  const probe = spawnSync(process.execPath, ["-e", "require('fs').accessSync(process.argv[1])", BIN], { ...UNPRIVILEGED });
  return probe.status === 0 ? UNPRIVILEGED : null;
}

export async function startServerProcess(env: Record<string, string>, user?: { uid: number; gid: number }): Promise<ServerProcess> {
  const child = spawn(process.execPath, [BIN, "start"], { env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: "0", ...env }, stdio: ["ignore", "ignore", "pipe"], ...user });
  const logs: Array<Record<string, unknown>> = [];
  let exited = false;
  child.once("exit", () => (exited = true));
  let buffer = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    buffer += chunk.toString("utf8");
    const lines = buffer.split("\n");
    buffer = lines.pop()!;
    for (const line of lines) {
      try {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        logs.push({ event: "stderr", line });
      }
    }
  });
  const logged = (event: string, ms = 30_000) => until(() => logs.find((l) => l.event === event) ?? (exited ? failStart(logs) : undefined), ms);
  const started = await logged("started");
  return {
    url: String(started.url),
    logs,
    child,
    alive: () => !exited,
    logged,
    kill: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

function failStart(logs: Array<Record<string, unknown>>): never {
  throw new Error(`the server exited:\n${logs.map((l) => JSON.stringify(l)).join("\n")}`);
}
