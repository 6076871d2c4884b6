// POST /knowledge/webhook: the git host says the branch moved, and the instance pulls at once
// instead of at its next KNOWLEDGE_PULL_S tick. The body is never trusted (the pull reads the
// repository itself); with KNOWLEDGE_WEBHOOK_SECRET set, a request must carry GitHub's signature
// (X-Hub-Signature-256) or GitLab's token (X-Gitlab-Token), so strangers cannot make it fetch.
import { createHmac, timingSafeEqual } from "node:crypto";
import express, { type Express, type Request, type Response } from "express";

export const WEBHOOK_PATH = "/knowledge/webhook";

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function authorised(req: Request, secret: string | undefined): boolean {
  if (!secret) return true;
  const token = req.get("x-gitlab-token");
  if (token) return same(token, secret);
  const signature = req.get("x-hub-signature-256") ?? "";
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  return same(signature, `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
}

export function knowledgeWebhook(app: Express, secret: string | undefined, pull: () => void): void {
  app.post(WEBHOOK_PATH, express.raw({ type: () => true, limit: "1mb" }), (req: Request, res: Response) => {
    if (!authorised(req, secret)) return void res.status(401).json({ error: "the webhook's signature or token does not match KNOWLEDGE_WEBHOOK_SECRET" });
    pull();
    res.status(202).json({ pulling: true });
  });
}
