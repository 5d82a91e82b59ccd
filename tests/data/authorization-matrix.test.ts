// The authorisation matrix: every route with a loader or action × every role, on objects
// the role owns and objects it does not, each with the status it must get. A route added
// without a row fails this test. `MATRIX_RECORD=1` prints the observed table for review.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO } from "../support/session";
import { EXPECTED, ROLES, ROUTES, UNCONFIRMED_BUYER_EMAIL, type Role, type Fixtures } from "./authorization-matrix.table";

const EMAILS: Record<Exclude<Role, "anonymous">, string> = { ...DEMO, buyerUnconfirmed: UNCONFIRMED_BUYER_EMAIL };

useTestDatabase();

const fixtures = {} as Fixtures;
const cookies = {} as Record<Role, string | undefined>;

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  const kestrel = await prisma.product.findFirstOrThrow({
    where: { supplier: { slug: "kestrel-civic-software" }, status: "published" },
    include: { publishedVersion: true },
  });
  const brighton = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
  const buyerA = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } });
  const project = await prisma.buyingProject.create({
    data: {
      councilId: brighton.id,
      ownerId: buyerA.id,
      title: "Matrix project",
      category: "cloud-software",
      estimatedValuePence: 15_000_000,
      contractMonths: 24,
      procurementStart: new Date("2026-11-23"),
      nation: "England",
      routeId: "g-cloud-direct-award",
    },
  });
  const frozen = await prisma.frozenSearch.create({
    data: {
      projectId: project.id,
      query: "housing",
      resultCount: 1,
      results: {
        create: [
          {
            position: 1,
            productId: kestrel.id,
            productVersionId: kestrel.publishedVersionId!,
            productName: kestrel.publishedVersion!.name,
            supplierName: "Kestrel",
            supplierSize: "small",
            priceFromPence: 100,
            priceUnit: "per month",
          },
        ],
      },
    },
  });
  const caseStudy = await prisma.caseStudy.findFirstOrThrow({ where: { councilId: brighton.id, status: "published" } });
  const kestrelCaseStudy = await prisma.caseStudySupplier.findFirst({
    where: { supplier: { slug: "kestrel-civic-software" }, caseStudy: { status: "published" } },
    include: { caseStudy: true },
  });
  const version = await prisma.productVersion.findFirstOrThrow({ where: { productId: kestrel.id } });
  Object.assign(fixtures, {
    productId: kestrel.id,
    versionId: version.id,
    projectId: project.id,
    frozenFile: `${frozen.id}.csv`,
    caseStudySlug: caseStudy.slug,
    supplierCaseStudySlug: kestrelCaseStudy?.caseStudy.slug ?? caseStudy.slug,
  });
  const { createUser } = await import("~/models/user.server");
  await createUser({
    email: UNCONFIRMED_BUYER_EMAIL,
    name: "Unconfirmed Officer",
    password: "a-long-enough-password-123",
    role: "buyer",
    councilId: brighton.id,
  });
  for (const role of ROLES) cookies[role] = role === "anonymous" ? undefined : await cookieFor(EMAILS[role]);
});

function loginRedirect(res: Response) {
  return res.status === 302 && (res.headers.get("Location") ?? "").startsWith("/login");
}

async function observe(file: string, method: "GET" | "POST", role: Role): Promise<string> {
  const spec = ROUTES[file];
  const mod = await import(/* @vite-ignore */ `~/routes/${file}`);
  const fn = method === "GET" ? mod.loader : mod.action;
  const url = `http://localhost${spec.path(fixtures)}`;
  const headers = new Headers();
  if (cookies[role]) headers.set("Cookie", cookies[role]!);
  let body: URLSearchParams | undefined;
  if (method === "POST") {
    body = new URLSearchParams(spec.form?.(fixtures) ?? {});
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const request = new Request(url, { method, headers, body });
  let res: Response;
  try {
    const result = await fn({ request, params: spec.params(fixtures), context });
    // handleForm answers with `data(body, { status })`, which is not a Response: read its status.
    const init =
      (result as { type?: unknown; init?: ResponseInit | null } | null)?.type === "DataWithResponseInit"
        ? (result as { init?: ResponseInit | null }).init
        : null;
    res = result instanceof Response ? result : new Response(null, { status: init?.status ?? 200 });
  } catch (error) {
    if (!(error instanceof Response)) return `error: ${(error as Error).message.slice(0, 80)}`;
    res = error;
  }
  if (loginRedirect(res)) return "login";
  return String(res.status);
}

describe("authorisation matrix", () => {
  it("has a row for every route with a loader or action", async () => {
    const dir = path.resolve("app/routes");
    const withHandlers: string[] = [];
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".tsx"))) {
      const source = fs.readFileSync(path.join(dir, f), "utf8");
      if (/export (async )?function (loader|action)\b|export const (loader|action)\b/.test(source))
        withHandlers.push(f.replace(/\.tsx$/, ""));
    }
    const missing = withHandlers.filter((f) => !ROUTES[f]);
    expect(missing, "routes without a row in tests/data/authorization-matrix.table.ts").toEqual([]);
  });

  it("gives every role the expected status on every route, own and other objects", async () => {
    const observed: Record<string, Record<string, Record<Role, string>>> = {};
    for (const file of Object.keys(ROUTES).sort()) {
      const mod = await import(/* @vite-ignore */ `~/routes/${file}`);
      for (const method of ["GET", "POST"] as const) {
        if (!(method === "GET" ? mod.loader : mod.action)) continue;
        const row = {} as Record<Role, string>;
        for (const role of ROLES) {
          row[role] = await observe(file, method, role);
          // Signing out ends the session: give the role a fresh one for the routes after it.
          if (file === "logout" && method === "POST" && role !== "anonymous") cookies[role] = await cookieFor(EMAILS[role]);
        }
        (observed[file] ??= {})[method] = row;
      }
    }
    if (process.env.MATRIX_RECORD) fs.writeFileSync("tests/.tmp/matrix-observed.json", JSON.stringify(observed, null, 2));
    expect(observed).toEqual(EXPECTED);
  });
});
