// The one form-to-object helper (issue 12 finding 2): prototype keys refused or dropped,
// null-prototype objects, bounded depth and row index — whatever a hostile post names.
import { afterEach, describe, expect, it } from "vitest";
import { FORM_LIMITS, formDataToObject, nestFormFields } from "~/utils/forms";
import { nestDotted } from "~/models/project.schema";
import { unflattenFormValues } from "~/models/case-study.schema";

const PROTOTYPE_FIELDS = [
  "__proto__.x",
  "__proto__[x]",
  "__proto__",
  "constructor.prototype.x",
  "constructor[prototype][x]",
  "prototype",
  "prototype.x",
  "criteria.__proto__.x",
  "criteria.0.__proto__.x",
  "expires.constructor.prototype.x",
  "scores.0.constructor.prototype.x",
];

function form(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
}

afterEach(() => {
  // Never leave a polluted prototype behind for the next test.
  delete (Object.prototype as Record<string, unknown>).x;
});

describe("formDataToObject", () => {
  it.each(PROTOTYPE_FIELDS)("refuses a post with a field named %s (400), leaving Object.prototype alone", async (name) => {
    let thrown: unknown;
    try {
      formDataToObject(
        form([
          [name, "polluted"],
          [name, "twice"],
          ["kind", "iso-27001"],
        ]),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).text()).toMatch(/field name that is not allowed/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("returns a null-prototype object, with arrays for repeated and [] names", () => {
    const out = formDataToObject(
      form([
        ["a", "1"],
        ["b[]", "2"],
        ["c", "3"],
        ["c", "4"],
      ]),
      ["d"],
    );
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect({ ...out }).toEqual({ a: "1", b: ["2"], c: ["3", "4"], d: [] });
  });

  it("refuses absurdly long field names and too many fields", () => {
    expect(() => formDataToObject(form([["x".repeat(FORM_LIMITS.nameLength + 1), "v"]]))).toThrow(Response);
    const many = form(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => [`f${i}`, ""] as [string, string]));
    expect(() => formDataToObject(many)).toThrow(Response);
  });
});

describe("nesting dotted names (every schema uses the same helper)", () => {
  it.each([
    ["nestDotted (project evaluation)", nestDotted],
    ["unflattenFormValues (case studies)", unflattenFormValues],
    ["nestFormFields", (v: unknown) => nestFormFields(v)],
  ])("%s drops prototype keys and never writes to Object.prototype", (_name, nest) => {
    const hostile = Object.fromEntries(PROTOTYPE_FIELDS.map((k) => [k, "polluted"]));
    // Own "__proto__" keys, as JSON.parse or Object.fromEntries produce them.
    Object.defineProperty(hostile, "__proto__", { value: { x: "polluted" }, enumerable: true });
    const out = nest({ ...hostile, "expires.day": "1", "criteria.0.name": "Price" }) as Record<string, any>;
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(out.expires.day).toBe("1");
    expect(out.criteria[0].name).toBe("Price");
    expect(Object.hasOwn(out, "__proto__") || Object.hasOwn(out, "constructor") || Object.hasOwn(out, "prototype")).toBe(false);
    expect(Object.getPrototypeOf(out.criteria[0])).toBeNull();
  });

  it("bounds depth and row index", () => {
    const out = nestFormFields({ "a.b.c.d.e.f.g": "deep", "rows.999999.name": "far", "rows.1.name": "near" }) as Record<string, any>;
    expect(out.a).toBeUndefined();
    expect(out.rows.length).toBe(2);
    expect(out.rows[1].name).toBe("near");
  });
});
