// A separate app process for tests/data/concurrent-writers.test.ts: saves N searches to one
// buying project at once through the real model function, and reports what failed.
import { saveSearch } from "~/models/project.server";
import { prisma } from "~/utils/db.server";

const [projectId, actorId, countText, label] = process.argv.slice(2);
const count = Number(countText);
const params = (i: number) => ({
  q: `${label} search ${i}`,
  type: "products" as const,
  sort: "relevance" as const,
  page: 1,
  pageSize: 20,
  frameworks: "live" as const,
  filters: {},
});

const results = await Promise.allSettled(
  Array.from({ length: count }, (_, i) => saveSearch(projectId, params(i), { id: actorId, ip: "127.0.0.1" } as never)),
);
const errors = results.flatMap((r) =>
  r.status === "rejected" ? [String((r.reason as Error)?.message ?? r.reason).slice(0, 200)] : r.value.ok ? [] : [JSON.stringify(r.value)],
);
await prisma.$disconnect();
process.stdout.write(JSON.stringify({ ok: count - errors.length, errors }) + "\n");
