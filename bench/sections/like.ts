// A naive SQL LIKE baseline on the bench database: the query with no search index at all.
import Database from "better-sqlite3";
import { summarise } from "../lib/stats";
import { queryMix, type BenchQuery } from "../queries";

const FACET_SQL: Record<string, string> = {
  supplierSize: "s.computedSize",
  dataLocation: "v.dataLocation",
  // The same bands as PRICE_BANDS in app/search/index-config.ts, in integer pence.
  priceBand:
    "CASE WHEN v.priceFromPence < 10000 THEN 'under-100' WHEN v.priceFromPence < 100000 THEN '100-1000' WHEN v.priceFromPence < 1000000 THEN '1000-10000' ELSE 'over-10000' END",
};

export function likeSection(dbFile: string) {
  const db = new Database(dbFile, { readonly: true });
  const run = (q: BenchQuery) => {
    const where = ["p.status = 'published'"];
    const bind: string[] = [];
    for (const word of q.q.split(/\s+/)) {
      where.push("(v.name LIKE ? OR v.summary LIKE ? OR v.description LIKE ? OR v.category LIKE ?)");
      bind.push(...Array<string>(4).fill(`%${word}%`));
    }
    for (const [facet, values] of Object.entries(q.filters)) {
      if (facet === "accreditations") {
        where.push(`(${values.map(() => "v.security LIKE ?").join(" OR ")})`);
        bind.push(...values.map((v) => `%"${v}"%`));
      } else {
        where.push(`${FACET_SQL[facet]} IN (${values.map(() => "?").join(",")})`);
        bind.push(...values);
      }
    }
    const sql = `FROM Product p JOIN ProductVersion v ON v.id = p.publishedVersionId JOIN Supplier s ON s.id = p.supplierId WHERE ${where.join(" AND ")}`;
    db.prepare(`SELECT COUNT(*) AS n ${sql}`).get(...bind);
    db.prepare(`SELECT p.id, v.name ${sql} ORDER BY v.name LIMIT 20`).all(...bind);
  };
  const times: number[] = [];
  for (const q of queryMix(300)) {
    const t = performance.now();
    run(q);
    times.push(performance.now() - t);
  }
  db.close();
  return { ...summarise(times), queries: times.length };
}
