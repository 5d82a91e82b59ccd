// Concurrent writers from two app processes never fail: on SQLite they queue for the write
// lock (BEGIN IMMEDIATE and a busy timeout) instead of getting "database is locked".
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

const db = useTestDatabase();
const run = promisify(execFile);

describe("two app processes writing at once", () => {
  it("50 concurrent project writes (25 per process) all succeed and are all kept", async () => {
    const { prisma } = await import("~/utils/db.server");
    const newProject = await import("~/routes/projects.new");
    const form = {
      intent: "create",
      title: "Concurrent writers",
      routeId: "framework-direct-award-rm1557-15",
      category: "cloud-software",
      value: "150000",
      contractMonths: "24",
      startDate: process.env.PORTAL_TODAY!,
      termsUnchanged: "yes",
      security: "OFFICIAL",
      nation: "England",
    };
    const cookie = await cookieFor(DEMO.buyerA);
    const created = await responseOf(() =>
      newProject.action({ request: makeRequest("/projects/new", { cookie, form }), params: {}, context }),
    );
    expect(created.status).toBe(302);
    const project = await prisma.buyingProject.findFirstOrThrow({ where: { title: "Concurrent writers" } });
    const actor = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } });
    const before = await prisma.savedSearch.count({ where: { projectId: project.id } });
    const script = path.resolve("tests/support/concurrent-writer.ts");
    const tsx = path.resolve("node_modules/.bin/tsx");
    const env = { ...process.env, DATABASE_URL: db.url };
    const outputs = await Promise.all(
      ["first", "second"].map((label) =>
        run(tsx, [script, project.id, actor.id, "25", label], { env, timeout: 120_000 }).then((r) =>
          JSON.parse(r.stdout.trim().split("\n").at(-1)!),
        ),
      ),
    );
    expect(outputs.flatMap((o) => o.errors)).toEqual([]);
    expect(outputs.reduce((n, o) => n + o.ok, 0)).toBe(50);
    expect(await prisma.savedSearch.count({ where: { projectId: project.id } })).toBe(before + 50);
  });
});
