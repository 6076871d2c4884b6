// Secrets at rest: what is sealed opens only with the same key and for the same row.
import { describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { createSealer, parseEncryptionKey } from "../../src/state/encryption.js";

describe("sealing secrets", () => {
  const key = randomBytes(32);
  const sealer = createSealer(key);

  it("opens what it sealed, and the sealed text holds nothing of the secret", () => {
    const sealed = sealer.seal('{"token":"xoxb-secret-123"}', "team:T1");
    expect(sealed).toMatch(/^v1:[A-Za-z0-9+/]+=*$/);
    expect(sealed).not.toContain("xoxb");
    expect(sealer.open(sealed, "team:T1")).toBe('{"token":"xoxb-secret-123"}');
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(sealer.seal("same", "c")).not.toBe(sealer.seal("same", "c"));
  });

  it("refuses another key, another row, and a changed byte", () => {
    const sealed = sealer.seal("xoxb-secret", "team:T1");
    expect(() => createSealer(randomBytes(32)).open(sealed, "team:T1")).toThrow();
    expect(() => sealer.open(sealed, "team:T2")).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64");
    raw[raw.length - 1]! ^= 1;
    expect(() => sealer.open(`v1:${raw.toString("base64")}`, "team:T1")).toThrow();
    expect(() => sealer.open("plain text", "team:T1")).toThrow(/format v1/);
  });

  it("reads a key written in hex or base64, and nothing else", () => {
    expect(parseEncryptionKey(key.toString("hex"))).toEqual(key);
    expect(parseEncryptionKey(` ${key.toString("base64")}\n`)).toEqual(key);
    expect(() => parseEncryptionKey(undefined)).toThrow("is missing");
    expect(() => parseEncryptionKey(randomBytes(16).toString("base64"))).toThrow("holds 16 bytes, not 32");
  });
});
