// A small local stand-in for the Bot Framework connector (the service Teams replies go to):
// records every activity the bot sends, answers member look-ups, and can fail or hang (never
// answer) a reply on purpose; it serves shared files and counts their downloads.
import express from "express";
import type { AddressInfo } from "node:net";

export interface Sent {
  conversationId: string;
  replyToId?: string;
  activity: Record<string, unknown> & { attachments?: Array<{ contentType: string; content: Record<string, unknown> }> };
}

export async function startConnectorStandIn() {
  const sent: Sent[] = [];
  let failures = 0;
  let hangs = 0;
  const downloads: string[] = [];
  const app = express();
  app.use(express.json({ limit: "5mb" }));
  const record = (req: express.Request, res: express.Response) => {
    if (hangs > 0) {
      hangs--;
      return; // the bot's own time limit must end the call
    }
    if (failures > 0) {
      failures--;
      res.status(500).json({ error: { code: "ServiceError", message: "stand-in failure" } });
      return;
    }
    const conversationId = String(req.params.conversationId);
    sent.push({ conversationId, ...(req.params.activityId ? { replyToId: String(req.params.activityId) } : {}), activity: req.body as Sent["activity"] });
    res.json({ id: `reply-${sent.length}` });
  };
  app.post("/v3/conversations/:conversationId/activities/:activityId", record);
  app.post("/v3/conversations/:conversationId/activities", record);
  const files = new Map<string, string>();
  app.get("/download/:name", (req, res) => {
    downloads.push(req.params.name);
    const text = files.get(req.params.name);
    if (text === undefined) res.status(404).end();
    else res.type("text/yaml").send(text);
  });
  app.get("/v3/conversations/:conversationId/members/:userId", (req, res) => res.json({ id: req.params.userId, name: "User" }));
  const server = await new Promise<import("node:http").Server>((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    shareFile: (name: string, text: string) => (files.set(name, text), `http://127.0.0.1:${(server.address() as AddressInfo).port}/download/${name}`),
    failNext: (n = 1) => void (failures = n),
    hangNext: (n = 1) => void (hangs = n),
    downloads,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

/** The text a user reads in a card: every TextRun, TextBlock and fact, flattened. */
export function cardText(s: Sent): string {
  return JSON.stringify(s.activity.attachments?.map((a) => a.content) ?? [])
    .replace(/\\"/g, '"');
}
