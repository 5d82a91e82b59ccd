// The unsubscribe link in alert and follow emails works without signing in, so the link itself
// is the authority: "<kind>.<id>.<HMAC-SHA256 under a key derived from SESSION_SECRET>". It never
// expires (an old email's link must still stop the mail) and only ever turns mail off.
import crypto from "node:crypto";
import { getEnv } from "~/utils/env.server";

export const UNSUBSCRIBE_KINDS = ["alert", "follow"] as const;
export type UnsubscribeKind = (typeof UNSUBSCRIBE_KINDS)[number];

function key(): Buffer {
  // A key of its own, so no other signed value (cookies, CSRF tokens) can be replayed as one.
  return crypto.createHmac("sha256", getEnv().SESSION_SECRET).update("council-marketplace unsubscribe v1").digest();
}

function signature(kind: UnsubscribeKind, id: string): string {
  return crypto.createHmac("sha256", key()).update(`${kind}.${id}`).digest("base64url");
}

export function unsubscribeToken(kind: UnsubscribeKind, id: string): string {
  return `${kind}.${id}.${signature(kind, id)}`;
}

/** The subscription a token names, or null when it is malformed or its signature does not match. */
export function readUnsubscribeToken(token: string): { kind: UnsubscribeKind; id: string } | null {
  if (token.length > 200) return null;
  const match = /^(alert|follow)\.([A-Za-z0-9_-]{1,64})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const kind = match[1] as UnsubscribeKind;
  const id = match[2];
  const expected = Buffer.from(signature(kind, id));
  const given = Buffer.from(match[3]);
  // Constant-time: how much of a guessed signature matched must not show in the timing.
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  return { kind, id };
}
