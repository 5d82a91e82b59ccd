// The one <Form> for the portal: Remix's Form, plus on every form that is not a GET
// - the hidden CSRF token (issue 12, item 22): server/security.js refuses a non-GET request
//   whose token does not match the browser's CSRF cookie;
// - a hidden idempotency key (issue 18 item 7), fresh on every page the server draws: handleForm
//   answers a second post of the same key with the first post's redirect instead of running the
//   action again (a double click or a resubmission without JavaScript);
// - with JavaScript, its submit buttons are disabled while its submission is pending, the one
//   pressed reading "Saving…".
// Import Form from here, never from @remix-run/react (tests/unit/csrf-form.test.ts checks every route).
import { Form as RemixForm, useNavigation, useRouteLoaderData, type FormProps } from "@remix-run/react";
import { forwardRef, useCallback, useEffect, useId, useRef, type FormEvent, type ForwardedRef } from "react";

export const CSRF_FIELD = "_csrf";
export const IDEMPOTENCY_FIELD = "_idempotency";
export const PENDING_LABEL = "Saving…";

type RootFormData = { csrfToken?: string; formSeed?: string } | undefined;

/** The hidden token field, for the rare form that is not a <Form> (none today). */
export function CsrfField() {
  const token = (useRouteLoaderData("root") as RootFormData)?.csrfToken;
  return token ? <input type="hidden" name={CSRF_FIELD} value={token} /> : null;
}

/** This form's idempotency key: the page's seed (new on every root load) and the form's place in the tree. */
function useIdempotencyKey(): string | undefined {
  const seed = (useRouteLoaderData("root") as RootFormData)?.formSeed;
  const id = useId().replace(/[^A-Za-z0-9]/g, "");
  return seed ? `${seed}-${id}` : undefined;
}

type Disabled = { button: HTMLButtonElement | HTMLInputElement; label?: { node: Text | HTMLInputElement; text: string } };

export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ children, onSubmit, ...props }, ref) {
  const posts = (props.method ?? "get").toLowerCase() !== "get";
  const key = useIdempotencyKey();
  const navigation = useNavigation();
  const pending = posts && !!key && navigation.state !== "idle" && navigation.formData?.get(IDEMPOTENCY_FIELD) === key;
  const formRef = useRef<HTMLFormElement | null>(null);
  const submitter = useRef<HTMLElement | null>(null);
  const pendingNow = useRef(false);
  pendingNow.current = pending;

  const setRefs = useCallback(
    (node: HTMLFormElement | null) => {
      formRef.current = node;
      assignRef(ref, node);
    },
    [ref],
  );

  useEffect(() => {
    const form = formRef.current;
    if (!pending || !form) return;
    const disabled: Disabled[] = [];
    for (const button of form.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button:not([type="button"]), input[type="submit"]')) {
      if (button.disabled) continue;
      const entry: Disabled = { button };
      // Only the label of the button pressed changes; its own text node is edited in place so
      // React, which owns that node, still finds it.
      if (button === submitter.current) {
        if (button instanceof HTMLInputElement) entry.label = { node: button, text: button.value };
        else if (button.childNodes.length === 1 && button.firstChild instanceof Text)
          entry.label = { node: button.firstChild, text: button.firstChild.data };
      }
      button.disabled = true;
      button.setAttribute("aria-disabled", "true");
      if (entry.label?.node instanceof Text) entry.label.node.data = PENDING_LABEL;
      else if (entry.label) (entry.label.node as HTMLInputElement).value = PENDING_LABEL;
      disabled.push(entry);
    }
    return () => {
      for (const { button, label } of disabled) {
        button.disabled = false;
        button.removeAttribute("aria-disabled");
        if (label?.node instanceof Text) label.node.data = label.text;
        else if (label) (label.node as HTMLInputElement).value = label.text;
      }
    };
  }, [pending]);

  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    // A second press while the first submission is on its way is ignored (the server would
    // answer it with the first one's redirect anyway).
    if (pendingNow.current) {
      event.preventDefault();
      return;
    }
    submitter.current = (event.nativeEvent as SubmitEvent).submitter ?? null;
    onSubmit?.(event);
  };

  return (
    <RemixForm ref={setRefs} onSubmit={handleSubmit} {...props}>
      {posts ? <CsrfField /> : null}
      {posts && key ? <input type="hidden" name={IDEMPOTENCY_FIELD} value={key} /> : null}
      {children}
    </RemixForm>
  );
});

function assignRef<T>(ref: ForwardedRef<T>, value: T | null) {
  if (typeof ref === "function") ref(value);
  else if (ref) ref.current = value;
}
