// One shape for the outcome of every model write (issue 11): a value, or a failure of one of
// a few kinds that the route helper (form-action.server.ts) turns into one kind of response.
// (forbidden 403 and gone 410 were added for sign-in of a deactivated account and used links.)
// Throwing stays for faults (database down → 503) and for "not yours" checks in policies.
import type { FieldErrors } from "./forms";

export type Failure =
  /** The input breaks the form's own rules: shown against the fields (400). */
  | { kind: "invalid"; errors: FieldErrors }
  /** The input is well-formed but a rule that governs the change refuses it (422): the rule and its source are shown. */
  | { kind: "refused"; message: string; field?: string; rule?: string; source?: string }
  /** The object changed since the user opened it, or is no longer in the state the change expects (409). */
  | { kind: "conflict"; message: string; field?: string }
  /** No such object, or not the user's (404: the two look alike). */
  | { kind: "not-found"; message?: string }
  /** Too many attempts (429). */
  | { kind: "throttled"; message: string; retryAfterSeconds: number }
  /** The user is known but may not do this at all, e.g. a deactivated account signing in (403). */
  | { kind: "forbidden"; message: string }
  /** A one-time link that has expired or been used (410). */
  | { kind: "gone"; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; failure: Failure };

export function ok<T>(value: T): Result<T>;
export function ok(): Result<void>;
export function ok<T>(value?: T): Result<T | undefined> {
  return { ok: true, value };
}

export function fail(failure: Failure): { ok: false; failure: Failure } {
  return { ok: false, failure };
}

export const invalid = (errors: FieldErrors) => fail({ kind: "invalid", errors });
export const refused = (message: string, details: { field?: string; rule?: string; source?: string } = {}) =>
  fail({ kind: "refused", message, ...details });
export const conflict = (message: string, field?: string) => fail({ kind: "conflict", message, field });
export const notFoundFailure = (message?: string) => fail({ kind: "not-found", message });
export const forbidden = (message: string) => fail({ kind: "forbidden", message });
export const gone = (message: string) => fail({ kind: "gone", message });
/** Too many attempts at `what` ("sign-in attempts"): the message names the wait in minutes. */
export function throttled(retryAfterSeconds: number, what = "attempts") {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return fail({
    kind: "throttled",
    retryAfterSeconds,
    message: `Too many ${what}. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
  });
}

/** The field errors a failure shows in a GOV.UK error summary (a failure with no field is shown against the form). */
export function failureErrors(failure: Failure): FieldErrors {
  switch (failure.kind) {
    case "invalid":
      return failure.errors;
    case "refused":
    case "conflict":
      return { [failure.field ?? "form"]: [failure.message] };
    case "throttled":
    case "forbidden":
    case "gone":
      return { form: [failure.message] };
    case "not-found":
      return { form: [failure.message ?? "Not found"] };
  }
}

export const FAILURE_STATUS: Record<Failure["kind"], number> = {
  invalid: 400,
  refused: 422,
  conflict: 409,
  "not-found": 404,
  throttled: 429,
  forbidden: 403,
  gone: 410,
};
