// Validates OCDS releases against the vendored OCDS 1.1 release schema (draft-04),
// with the two formats the schema uses checked strictly.
import fs from "node:fs";
import path from "node:path";
import Ajv from "ajv-draft-04";

const SCHEMA_PATH = path.resolve("tests/fixtures/ocds-1.1/dereferenced-release-schema.json");

let validate: ReturnType<Ajv["compile"]> | undefined;

export function validateOcdsRelease(release: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    ajv.addFormat("date-time", /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    ajv.addFormat("uri", /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
    validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")));
  }
  return validate(release) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
