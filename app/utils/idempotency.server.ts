// Where handleForm keeps the idempotency keys of posted forms (issue 18 item 7). The store is
// the IdempotencyKey table (app/models/idempotency.server.ts), which registers itself here when
// it loads, so this layer does not import the models (the after-commit hooks work the same way).
// With no store registered a form simply runs, as it does when a post carries no key.

export type Claim = { kind: "claimed" } | { kind: "done"; location: string } | { kind: "running" };

export interface IdempotencyStore {
  /** Claims `key` for this post; or says the first post of it finished (and where it went) or is still running. */
  claim(key: string, userId: string | null): Promise<Claim>;
  /** The first post finished with a redirect to `location`. */
  complete(key: string, location: string): Promise<void>;
  /** The first post did not redirect (errors, a page): the form may be sent again. */
  release(key: string): Promise<void>;
}

let store: IdempotencyStore | null = null;

export function registerIdempotencyStore(next: IdempotencyStore): void {
  store = next;
}

export function idempotencyStore(): IdempotencyStore | null {
  return store;
}

/** A key as app/components/form.tsx makes them (the root's UUID seed and a React id), else null. */
export function readIdempotencyKey(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && /^[A-Za-z0-9-]{16,100}$/.test(value) ? value : null;
}
