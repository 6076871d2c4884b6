// The bot set up as a Slack app installed in many workspaces, for tests through the real
// endpoints: the settings, an admin's way through /slack/install and /slack/oauth_redirect against
// the Web API stand-in, and signed events from one workspace (or an Enterprise Grid organisation).
import { randomBytes } from "node:crypto";
import { postSigned, type startSlackStandIn } from "../../dev/stand-ins/slack-web-api.js";

type SlackStandIn = Awaited<ReturnType<typeof startSlackStandIn>>;

export const OAUTH_APP = { clientId: "1111.2222", clientSecret: "oauth-client-secret", signingSecret: "oauth-signing-secret" };

/** The settings of a bot installable in many workspaces, answering the stand-in's Web API. */
export function oauthEnv(slack: SlackStandIn, dataDir: string): Record<string, string> {
  slack.setOAuthApp(OAUTH_APP.clientId, OAUTH_APP.clientSecret);
  return {
    SLACK_CLIENT_ID: OAUTH_APP.clientId,
    SLACK_CLIENT_SECRET: OAUTH_APP.clientSecret,
    SLACK_STATE_SECRET: "a-long-random-state-secret",
    SLACK_SIGNING_SECRET: OAUTH_APP.signingSecret,
    DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    SLACK_API_URL: `${slack.url}/api/`,
    DATA_DIR: dataDir,
    PORT: "0",
    HOST: "127.0.0.1",
  };
}

export type Grant = { team?: { id: string; name: string }; enterprise?: { id: string; name: string } };

/**
 * What an admin does: opens /slack/install (the bot answers with Slack's consent page and a state
 * cookie), approves, and Slack sends the browser back to /slack/oauth_redirect with a code.
 */
export async function installWorkspace(botUrl: string, slack: SlackStandIn, code: string, grant: Grant, options: { withCookie?: boolean } = {}) {
  slack.grant(code, grant);
  const start = await fetch(`${botUrl}/slack/install`, { redirect: "manual" });
  const consent = new URL(start.headers.get("location") ?? "about:blank");
  const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0]!;
  const state = consent.searchParams.get("state") ?? "";
  const done = await fetch(`${botUrl}/slack/oauth_redirect?code=${encodeURIComponent(code)}&state=${encodeURIComponent(state)}`, {
    headers: options.withCookie === false ? {} : { cookie },
  });
  return { start, consent, cookie, done, page: await done.text() };
}

let n = 0;

/** A signed Events API request from a workspace, as Slack sends it to an app installed there. */
export function postWorkspaceEvent(botUrl: string, where: { team: string; enterprise?: string; orgWide?: boolean }, event: Record<string, unknown>) {
  const body = {
    type: "event_callback",
    team_id: where.team,
    ...(where.enterprise ? { enterprise_id: where.enterprise } : {}),
    api_app_id: "A1",
    event_id: `EvO${++n}`,
    event_time: 1,
    is_enterprise_install: where.orgWide ?? false,
    authorizations: [{ team_id: where.orgWide ? null : where.team, enterprise_id: where.enterprise ?? null, is_enterprise_install: where.orgWide ?? false, is_bot: true, user_id: "UBOT" }],
    event,
  };
  return postSigned(`${botUrl}/slack/events`, JSON.stringify(body), { secret: OAUTH_APP.signingSecret, contentType: "application/json" });
}

/** A signed interactive payload (a button click) from a user of a workspace. */
export function postWorkspaceAction(botUrl: string, team: string, payload: Record<string, unknown>) {
  const body = new URLSearchParams({ payload: JSON.stringify({ type: "block_actions", team: { id: team }, trigger_id: "t", ...payload }) }).toString();
  return postSigned(`${botUrl}/slack/events`, body, { secret: OAUTH_APP.signingSecret, contentType: "application/x-www-form-urlencoded" });
}
