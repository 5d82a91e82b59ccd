// The one route helper: reads the form once, parses it with the schema, runs one domain call and
// maps its Result to one response shape and status.
import { redirect } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { handleForm } from "~/utils/form-action.server";
import { conflict, fail, ok, refused } from "~/utils/result";

const schema = z.object({ title: z.string().trim().min(1, "Enter a title"), password: z.string().optional() });

function post(fields: Record<string, string> | string, contentType = "application/x-www-form-urlencoded") {
  const body = typeof fields === "string" ? fields : new URLSearchParams(fields).toString();
  return new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": contentType }, body });
}

type Answer = {
  type: "DataWithResponseInit";
  data: { errors: Record<string, string[]>; values: Record<string, unknown>; failure?: { kind: string; rule?: string; source?: string } };
  init: ResponseInit;
};
const asData = (r: unknown) => r as Answer;

describe("handleForm", () => {
  it("redirects with the domain call's value when everything holds", async () => {
    const seen: unknown[] = [];
    const response = await handleForm(post({ title: " Cloud CRM " }), {
      schema,
      run: (input) => {
        seen.push(input);
        return ok({ id: "p1" });
      },
      onSuccess: (v) => redirect(`/projects/${v.id}`),
    });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe("/projects/p1");
    expect(seen).toEqual([{ title: "Cloud CRM" }]);
  });

  it("answers 400 with the field errors and the values, never the password, and does not run the domain call", async () => {
    let ran = false;
    const answer = asData(
      await handleForm(post({ title: " ", password: "hunter2-secret" }), {
        schema,
        run: () => {
          ran = true;
          return ok();
        },
        onSuccess: () => redirect("/"),
      }),
    );
    expect(ran).toBe(false);
    expect(answer.init.status).toBe(400);
    expect(answer.data.errors).toEqual({ title: ["Enter a title"] });
    expect(answer.data.values).toEqual({ title: " " });
  });

  it("answers 422 with the rule and its source when a rule refuses the change", async () => {
    const answer = asData(
      await handleForm(post({ title: "Award" }), {
        schema,
        run: () =>
          refused("The term is longer than the lot allows (72 months)", {
            field: "contractMonths",
            rule: "max-call-off",
            source: "https://example.org/rule",
          }),
        onSuccess: () => redirect("/"),
      }),
    );
    expect(answer.init.status).toBe(422);
    expect(answer.data.errors).toEqual({ contractMonths: ["The term is longer than the lot allows (72 months)"] });
    expect(answer.data.failure).toEqual({ kind: "refused", rule: "max-call-off", source: "https://example.org/rule" });
  });

  it("answers 409 for a conflict and 429 with Retry-After when throttled", async () => {
    const conflicted = asData(
      await handleForm(post({ title: "x" }), {
        schema,
        run: () => conflict("Someone else changed this project"),
        onSuccess: () => redirect("/"),
      }),
    );
    expect(conflicted.init.status).toBe(409);
    expect(conflicted.data.errors.form).toEqual(["Someone else changed this project"]);
    const throttled = asData(
      await handleForm(post({ title: "x" }), {
        schema,
        run: () => fail({ kind: "throttled", message: "Too many attempts", retryAfterSeconds: 90 }),
        onSuccess: () => redirect("/"),
      }),
    );
    expect(throttled.init.status).toBe(429);
    expect(new Headers(throttled.init.headers).get("Retry-After")).toBe("90");
  });

  it("answers 400 with a clear message when the body is not a form", async () => {
    const answer = asData(
      await handleForm(post("{not a form", "multipart/form-data; boundary=x"), { schema, run: () => ok(), onSuccess: () => redirect("/") }),
    );
    expect(answer.init.status).toBe(400);
    expect(answer.data.errors.form[0]).toMatch(/could not be read/);
  });

  it("nests dotted fields when asked, and refuses a prototype field name with a 400 before anything runs", async () => {
    const nestedSchema = z.object({ criteria: z.array(z.object({ name: z.string() })) });
    let seen: unknown;
    await handleForm(post({ "criteria.0.name": "Price", "criteria.1.name": "Quality" }), {
      schema: nestedSchema,
      nested: true,
      run: (input) => {
        seen = input;
        return ok();
      },
      onSuccess: () => redirect("/"),
    });
    expect(seen).toEqual({ criteria: [{ name: "Price" }, { name: "Quality" }] });

    let ran = false;
    const refusal = await handleForm(post({ "criteria.0.name": "Price", "__proto__.polluted": "yes" }), {
      schema: nestedSchema,
      nested: true,
      run: () => {
        ran = true;
        return ok();
      },
      onSuccess: () => redirect("/"),
    }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(400);
    expect(ran).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
