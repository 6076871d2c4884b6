// Checks on a Slack request before Bolt reads it. Bolt verifies the signature and refuses a
// timestamp older than five minutes, but accepts one from the future (a signed request captured
// with a clock set ahead could then be replayed for as long as that lead lasts), and reads a body
// of any size. Slack always sends Content-Length; its payloads are a few kilobytes.
import type { NextFunction, Request, Response } from "express";

export const MAX_SLACK_BODY_BYTES = 1_000_000;
/** Slack's own window for a request's age, applied in the other direction too. */
const MAX_SKEW_S = 5 * 60;

export function slackRequestLimits(req: Request, res: Response, next: NextFunction): void {
  const length = Number(req.headers["content-length"] ?? 0);
  if (length > MAX_SLACK_BODY_BYTES) {
    res.status(413).json({ error: `the body is over ${MAX_SLACK_BODY_BYTES} bytes` });
    return;
  }
  const ts = Number(req.headers["x-slack-request-timestamp"]);
  if (Number.isFinite(ts) && ts > Date.now() / 1000 + MAX_SKEW_S) {
    res.status(401).json({ error: "the request timestamp is in the future" });
    return;
  }
  next();
}
