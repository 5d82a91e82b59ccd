// The request id of the page being rendered (from server.js through the load context), so an
// error page can show it for a user to quote; the same id is on every log line of the request.
import { createContext, useContext, useState } from "react";

export const RequestIdContext = createContext<string>("");
export const RequestIdProvider = RequestIdContext.Provider;

export const REQUEST_ID_ELEMENT = "cm-request-id";

/**
 * On the server, the id of this request. In the browser, the id the server rendered into the
 * page (kept through hydration); an error met in a later client-side navigation has no id here,
 * so none is shown rather than a wrong one.
 */
export function useRequestId(): string {
  const serverId = useContext(RequestIdContext);
  const [id] = useState(() =>
    typeof document === "undefined" ? serverId : (document.getElementById(REQUEST_ID_ELEMENT)?.textContent ?? ""),
  );
  return id;
}
