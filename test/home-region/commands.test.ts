// The home-region commands in the three languages, at each level.
import { describe, expect, it } from "vitest";
import { parseHomeCommand } from "../../src/home-region/commands.js";

describe("home-region commands", () => {
  it.each([
    ["kotialue", { kind: "show", language: "fi" }],
    ["Kotialue  kanava", { kind: "show", language: "fi" }],
    ["kotialue Pirkanmaa", { kind: "set", level: "channel", regions: "Pirkanmaa", language: "fi" }],
    ["kotialue työtila Pirkanmaa", { kind: "set", level: "organisation", regions: "Pirkanmaa", language: "fi" }],
    ["kotialue organisaatio Etelä-Pohjanmaa", { kind: "set", level: "organisation", regions: "Etelä-Pohjanmaa", language: "fi" }],
    ["kotialue pois", { kind: "clear", level: "channel", language: "fi" }],
    ["kotialue työtila pois", { kind: "clear", level: "organisation", language: "fi" }],
    ["hemområde arbetsyta Birkaland", { kind: "set", level: "organisation", regions: "Birkaland", language: "sv" }],
    ["hemomrade kanal bort", { kind: "clear", level: "channel", language: "sv" }],
    ["home region tenant Lapland", { kind: "set", level: "organisation", regions: "Lapland", language: "en" }],
    ["Home Region off", { kind: "clear", level: "channel", language: "en" }],
  ])("%s", (text, command) => expect(parseHomeCommand(text)).toEqual(command));

  it.each(["kotialueella on paljon järjestöjä", "home", "what is a home region?", "Montako sote-järjestöä meillä on?"])("%s is not a command", (text) =>
    expect(parseHomeCommand(text)).toBeUndefined(),
  );
});
