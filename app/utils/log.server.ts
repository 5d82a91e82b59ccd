// The app's logger: the same pino instance and request context as server.js (server/log.js).
// Use `log.error({ err, ...context }, "what failed")`; never log tokens, passwords, cookies or form bodies.
export { currentRequest, errorSummary, log, noteRequestUser } from "../../server/log.js";
