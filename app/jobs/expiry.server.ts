// The daily expiry-warning run (issue 15): everything due on the clock's today is sent once.
import { sendExpiryWarnings } from "~/models/expiry-warnings.server";

export function runExpiryWarnings(at: Date) {
  return sendExpiryWarnings(at);
}
