// Secrets at rest (Slack workspaces' bot tokens): AES-256-GCM with a key the administrator keeps
// outside the database (DATA_ENCRYPTION_KEY), so a copied database file or backup holds no usable
// token. Each sealed value is bound to the row it belongs to (the context, as GCM's additional
// data): a sealed token moved to another workspace's row does not open.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The format of a sealed value; a later format (another algorithm, a rotated key) gets v2. */
const VERSION = "v1";

export interface Sealer {
  /** The text sealed for one context (e.g. "team:T0123"), as printable text. */
  seal(plain: string, context: string): string;
  /** The text back; throws when the key, the context or the sealed text is not the one sealed with. */
  open(sealed: string, context: string): string;
}

/**
 * The key from its setting: 32 random bytes written as 64 hex digits or in base64
 * (`openssl rand -base64 32`). Throws an Error saying what is wrong, never echoing the value.
 */
export function parseEncryptionKey(text: string | undefined): Buffer {
  const value = (text ?? "").trim();
  if (!value) throw new Error("is missing");
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : /^[A-Za-z0-9+/]+={0,2}$/.test(value) ? Buffer.from(value, "base64") : undefined;
  if (!key) throw new Error("is neither hex nor base64");
  if (key.length !== KEY_BYTES) throw new Error(`holds ${key.length} bytes, not ${KEY_BYTES}`);
  return key;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== KEY_BYTES) throw new Error(`an encryption key must be ${KEY_BYTES} bytes`);
  return {
    seal(plain, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv).setAAD(Buffer.from(context, "utf8"));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
    },
    open(sealed, context) {
      const [version, data] = sealed.split(":");
      if (version !== VERSION || !data) throw new Error(`not a sealed value of format ${VERSION}`);
      const raw = Buffer.from(data, "base64");
      const decipher = createDecipheriv(ALGORITHM, key, raw.subarray(0, IV_BYTES)).setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
    },
  };
}
