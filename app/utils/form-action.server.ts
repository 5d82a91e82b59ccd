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
import { data } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import { boundEchoValues, formDataToObject, nestFormFields, parseWithSchema, type FieldErrors } from "./forms";
import { FAILURE_STATUS, failureErrors, type Failure, type Result } from "./result";

export type FormFailure = {
  errors: FieldErrors;
  values: Record<string, unknown>;
  failure?: { kind: Failure["kind"]; rule?: string; source?: string };
};

export interface FormOptions<S extends ZodTypeAny, T> {
  schema: S;
  /** Field names that may repeat (checkboxes): always read as arrays. */
  arrayKeys?: string[];
  /** Turn "criteria.0.name" keys into nested arrays and objects first (prototype-safe). */
  nested?: boolean;
  run: (input: z.infer<S>, form: FormData) => Promise<Result<T>> | Result<T>;
  onSuccess: (value: T) => Response | Promise<Response>;
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

export async function handleForm<S extends ZodTypeAny, T>(request: Request, options: FormOptions<S, T>) {
  const form = await readForm(request);
  if (!form) return failureData({ kind: "invalid", errors: { form: ["The form could not be read. Try submitting it again."] } });
  const flat = formDataToObject(form, options.arrayKeys ?? []);
  const input = options.nested ? (nestFormFields(flat) as Record<string, unknown>) : flat;
  const parsed = parseWithSchema(options.schema, input);
  if (!parsed.success) return failureData({ kind: "invalid", errors: parsed.errors }, parsed.values);
  const result = await options.run(parsed.data, form);
  if (!result.ok) return failureData(result.failure, flat);
  return options.onSuccess(result.value);
}

function withoutPasswords(values: Record<string, unknown>): Record<string, unknown> {
  return boundEchoValues(Object.fromEntries(Object.entries(values).filter(([k]) => !/password|token/i.test(k))));
}
