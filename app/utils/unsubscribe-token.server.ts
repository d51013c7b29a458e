import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "./env.server";

/**
 * The token of a mail's unsubscribe link: the user, the kind of mail and an HMAC-SHA256 of both
 * under the session secret (with its own prefix, so no other signature of the portal can pass
 * for one). It opens no session and needs none: it only says « this user no longer wants this
 * kind », and cannot be made for another user or another kind without the secret. The kind is a
 * number in the link, so that a mail read over a shoulder does not name what it is about.
 * It does not expire: an unsubscribe link must keep working in an old mail.
 */

const PURPOSE = "vivier-unsubscribe-v1";

function signature(secret: string, userId: string, kind: string): string {
  return createHmac("sha256", secret).update(`${PURPOSE}|${userId}|${kind}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: string, kinds: readonly string[], secret = env().SESSION_SECRET): string {
  const index = kinds.indexOf(kind);
  if (index < 0) throw new Error(`unknown mail kind ${kind}`);
  return `${userId}.${index}.${signature(secret, userId, kind)}`;
}

/** The user and kind a token was made for, or null for anything forged, altered or malformed. */
export function readUnsubscribeToken(token: string, kinds: readonly string[], secret = env().SESSION_SECRET): { userId: string; kind: string } | null {
  const match = /^([A-Za-z0-9_-]{1,64})\.(\d{1,2})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, userId, index, given] = match as unknown as [string, string, string, string];
  const kind = kinds[Number(index)];
  if (!kind) return null;
  const expected = Buffer.from(signature(secret, userId, kind));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? { userId, kind } : null;
}
