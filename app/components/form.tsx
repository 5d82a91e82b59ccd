// The one <Form> for the portal: Remix's Form, plus the hidden CSRF token on every form
// that is not a GET (issue 12, item 22). server/security.js refuses a non-GET request
// whose token does not match the browser's CSRF cookie. Import Form from here, never
// from @remix-run/react (tests/unit/csrf-form.test.ts checks every route).
import { Form as RemixForm, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef } from "react";

export const CSRF_FIELD = "_csrf";

/** The hidden token field, for the rare form that is not a <Form> (none today). */
export function CsrfField() {
  const token = (useRouteLoaderData("root") as { csrfToken?: string } | undefined)?.csrfToken;
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}

export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ children, ...props }, ref) {
  const posts = (props.method ?? "get").toLowerCase() !== "get";
  return (
    <RemixForm ref={ref} {...props}>
      {posts ? <CsrfField /> : null}
      {children}
    </RemixForm>
  );
});
