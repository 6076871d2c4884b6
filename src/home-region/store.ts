// Where home regions are kept: one setting per channel and per organisation (a Slack workspace or
// a Teams tenant). One small interface over the bot's database (sql-store.ts).
import type { HomeLevel } from "./commands.js";

export interface HomeRegionSetting {
  level: HomeLevel;
  /** The platform-qualified channel or organisation id (IncomingMessage.channel / .organisation). */
  place: string;
  region: string;
  /** Who set it (a platform-qualified user id) and when (ISO time), for the record. */
  setBy: string;
  at: string;
}

export interface HomeRegionStore {
  /** The region set for the channel and the one set for the organisation, where there is one. */
  settingsFor(places: { channel?: string; organisation?: string }): Promise<Partial<Record<HomeLevel, string>>>;
  /** The region that applies there: the channel's setting, else the organisation's (read for every question). */
  regionFor(places: { channel?: string; organisation?: string }): Promise<string | undefined>;
  /** Adds or replaces the setting of that level and place. */
  set(setting: HomeRegionSetting): Promise<void>;
  /** False when there was nothing to clear. */
  clear(level: HomeLevel, place: string): Promise<boolean>;
}
