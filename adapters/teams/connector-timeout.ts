// Every call to the Bot Framework connector (replies, member look-ups, announcements) gets a time
// limit. botbuilder sets none: a connector that accepts the connection and never answers would
// hold the turn, and the HTTP request Teams sent, forever. The limit is set on each request by a
// request policy, the extension point botbuilder's ConnectorClientOptions offers.
import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";

type ConnectorClientOptions = ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4];

type Request = { timeout: number };
type Next = { sendRequest(request: Request): Promise<unknown> };

export function connectorOptions(timeoutMs: number): ConnectorClientOptions {
  const timeoutPolicy = {
    create: (next: Next) => ({
      sendRequest(request: Request) {
        if (!request.timeout || request.timeout > timeoutMs) request.timeout = timeoutMs;
        return next.sendRequest(request);
      },
    }),
  };
  // The policy's types live in @azure/core-http-compat, which botbuilder does not re-export.
  return { requestPolicyFactories: [timeoutPolicy] } as unknown as ConnectorClientOptions;
}
