// The one post-commit hook (issue 11). A model calls `afterCommit()` once its transaction has
// committed; what must follow a commit in this process (drain the search outbox into the index,
// wake the mail sender) registers here instead of being imported by the models, so models do not
// depend on the services that depend on them. Every hook is caught and logged: a committed write
// never turns into an error page because a follow-up failed (background loops retry).
import { log } from "./log.server";

type Hook = () => Promise<void>;
const hooks = new Map<string, Hook>();

/** Registers (or replaces) the follow-up named `name`. Services call this when they load. */
export function onCommitted(name: string, hook: Hook): void {
  hooks.set(name, hook);
}

/** Runs every registered follow-up, in registration order; never throws. */
export async function afterCommit(): Promise<void> {
  for (const [name, hook] of hooks) {
    try {
      await hook();
    } catch (error) {
      log.error({ err: error, hook: name }, "follow-up after commit failed; its background loop will retry");
    }
  }
}
