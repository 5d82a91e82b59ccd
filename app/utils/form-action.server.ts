// The one way an action handles a form (issue 11): read the body once, parse it with the zod
// schema, run one domain call that returns a Result, and answer with a redirect on success or
// the GOV.UK error-summary data with the right status on failure. Authorise BEFORE calling this
// (policies in app/auth), so an unauthorised body is never read.
//
//   export async function action({ request }: ActionFunctionArgs) {
//     const user = await requireUserWithPermission(request, "update:project:own");
//     return handleForm(request, {
//       schema: renameSchema,
//       run: (input) => renameProject(user, input),
//       onSuccess: (project) => redirect(`/projects/${project.id}`),
//     });
//   }
//   // component: const actionData = useActionData<typeof action>(); // { errors, values } | undefined
import { data, redirect, type TypedResponse } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import { boundEchoValues, formDataToObject, nestFormFields, parseWithSchema, type EchoedValues, type FieldErrors } from "./forms";
import { FAILURE_STATUS, failureErrors, type Failure, type Result } from "./result";
import { idempotencyStore, readIdempotencyKey } from "./idempotency.server";
import { currentRequest } from "./log.server";

/** The hidden field app/components/form.tsx adds to every non-GET form. */
export const IDEMPOTENCY_FIELD = "_idempotency";

export type FormFailure = {
  errors: FieldErrors;
  values: EchoedValues;
  failure?: { kind: Failure["kind"]; rule?: string; source?: string };
};

export interface FormOptions<S extends ZodTypeAny, T, R> {
  schema: S;
  /** Field names that may repeat (checkboxes): always read as arrays. */
  arrayKeys?: string[];
  /** Turn "criteria.0.name" keys into nested arrays and objects first (prototype-safe). */
  nested?: boolean;
  run: (input: z.infer<S>, form: FormData) => Promise<Result<T>> | Result<T>;
  /** Usually a redirect; its type (not a bare Response) is what lets useActionData<typeof action> infer the failure shape. */
  onSuccess: (value: T) => R | Promise<R>;
}

/** The posted form, or undefined when the body is not a readable form. */
async function readForm(request: Request): Promise<FormData | undefined> {
  try {
    return await request.formData();
  } catch {
    return undefined;
  }
}

/** Error-summary data for a failure, with its HTTP status. Passwords are never echoed. */
export function failureData(failure: Failure, values: Record<string, unknown> = {}) {
  const headers: Record<string, string> = failure.kind === "throttled" ? { "Retry-After": String(failure.retryAfterSeconds) } : {};
  const body: FormFailure = {
    errors: failureErrors(failure),
    values: withoutPasswords(values),
    failure: { kind: failure.kind, ...(failure.kind === "refused" ? { rule: failure.rule, source: failure.source } : {}) },
  };
  return data(body, { status: FAILURE_STATUS[failure.kind], headers });
}

export async function handleForm<S extends ZodTypeAny, T, R>(request: Request, options: FormOptions<S, T, R>) {
  const form = await readForm(request);
  if (!form) return failureData({ kind: "invalid", errors: { form: ["The form could not be read. Try submitting it again."] } });
  const flat = formDataToObject(form, options.arrayKeys ?? []);
  const input = options.nested ? (nestFormFields(flat) as Record<string, unknown>) : flat;
  const parsed = parseWithSchema(options.schema, input);
  if (!parsed.success) return failureData({ kind: "invalid", errors: parsed.errors }, parsed.values);
  return runOnce(request, form, async () => {
    const result = await options.run(parsed.data, form);
    if (!result.ok) return failureData(result.failure, flat);
    return options.onSuccess(result.value);
  });
}

const REPEAT_WAIT_MS = 250;
const REPEAT_WAITS = 40;

/**
 * Runs the action once per idempotency key (issue 18 item 7): a repeated post of the same form
 * gets the first post's redirect; one sent while the first is still running waits for it. A
 * post without a key (an old page, a test) just runs. handleForm runs every action through it;
 * an action that reads its form itself can call it directly. Only a redirect's address is kept (not its
 * cookies: the repeat shows no flash message); any other answer (errors, a page) frees the key
 * so the corrected form can be sent again.
 */
export async function runOnce<R>(
  request: Request,
  form: FormData,
  run: () => Promise<R>,
): Promise<R | ReturnType<typeof failureData> | TypedResponse<never>> {
  const store = idempotencyStore();
  const key = readIdempotencyKey(form.get(IDEMPOTENCY_FIELD));
  if (!store || !key) return run();
  const scoped = `${new URL(request.url).pathname}#${key}`;
  const userId = currentRequest()?.userId ?? null;
  for (let attempt = 0; ; attempt++) {
    const claim = await store.claim(scoped, userId);
    if (claim.kind === "claimed") break;
    if (claim.kind === "done") return redirect(claim.location);
    if (attempt >= REPEAT_WAITS) {
      return failureData({
        kind: "conflict",
        message: "This form is still being sent. Wait a moment, then check whether it went through.",
      });
    }
    await new Promise((resolve) => setTimeout(resolve, REPEAT_WAIT_MS));
  }
  let location: string | null = null;
  try {
    const response = await run();
    if (response instanceof Response && response.status >= 300 && response.status < 400) location = response.headers.get("Location");
    return response;
  } finally {
    if (location) await store.complete(scoped, location);
    else await store.release(scoped);
  }
}

function withoutPasswords(values: Record<string, unknown>): EchoedValues {
  // Form values are strings, lists and (nested forms) objects of them: what formDataToObject makes.
  return boundEchoValues(Object.fromEntries(Object.entries(values).filter(([k]) => !/password|token/i.test(k)))) as EchoedValues;
}
