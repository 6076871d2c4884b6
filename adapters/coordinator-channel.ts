// COORDINATOR_CHANNEL=platform:channel-id: where refused knowledge is reported and, when no channel
// has said kysymyskanava, where unanswered questions go. Checked at start: slack:C0123ABCD, or
// slack:C0123ABCD:T0123 naming the workspace when Slack is installed in many (the adapter reads the id).
import type { CoordinatorChannel } from "../src/loop/store.js";
import { ConfigError, type PlatformAdapter } from "./platform.js";

/** The setting read once; the channel is resolved when asked, once its platform's adapter runs. */
export function coordinatorChannel(env: NodeJS.ProcessEnv, adapters: readonly PlatformAdapter[]): { set: boolean; resolve(): CoordinatorChannel | undefined } {
  const value = env.COORDINATOR_CHANNEL?.trim();
  if (!value) return { set: false, resolve: () => undefined };
  const m = /^([a-z]+):(\S+)$/.exec(value);
  if (!m) throw new ConfigError(`COORDINATOR_CHANNEL must be platform:channel-id, e.g. slack:C0123ABCD (got "${value}").`);
  const [platform, id] = [m[1]!, m[2]!];
  return {
    set: true,
    resolve() {
      const target = adapters.find((a) => a.name === platform)?.channel?.(id);
      return target ? { platform, ...target, regions: [], language: "fi" } : undefined;
    },
  };
}
