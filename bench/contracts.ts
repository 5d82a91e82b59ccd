// Contracts register benchmark (issue 16): OCDS import throughput (releases/s) and peak memory
// for a generated 100,000-release package, then /contracts and /radar response times with the
// register at that size. Runs on a copy of the bench database (bench/.data/contracts.db), each
// part in a child process so the import's memory is its own. `npm run bench -- --only contracts`.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export interface ContractsBenchOptions {
  dbFile: string;
  releases: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

const CPV = ["48000000", "79512000", "90510000", "72220000", "79631000", "66000000", "71310000", "85311000"];

/** Writes a release package of `count` award releases, one at a time (the file is never in memory). */
export function writeGeneratedPackage(file: string, count: number, councils: { code: string; officialName: string }[], today: Date) {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, `{"version":"1.1","publishedDate":"${today.toISOString()}","publisher":{"name":"bench"},"releases":[\n`);
  for (let i = 0; i < count; i++) {
    const council = councils[i % councils.length];
    const ocid = `ocds-bench-${String(i).padStart(7, "0")}`;
    const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + (i % 36) + 1, 1 + (i % 27)));
    const start = new Date(Date.UTC(end.getUTCFullYear() - 3, end.getUTCMonth(), end.getUTCDate()));
    const release = {
      ocid,
      id: `${ocid}-1`,
      date: "2025-01-01T00:00:00Z",
      tag: ["award"],
      buyer: { id: `GB-LAE-${council.code}`, name: council.officialName },
      parties: [
        { id: `GB-LAE-${council.code}`, name: council.officialName, identifier: { scheme: "GB-LAE", id: council.code }, roles: ["buyer"] },
        { id: `GB-COH-${String(10000000 + (i % 5000))}`, name: `Bench Supplier ${i % 5000} Ltd`, roles: ["supplier"] },
      ],
      tender: { title: `Generated contract ${i}`, classification: { scheme: "CPV", id: CPV[i % CPV.length] } },
      awards: [
        {
          id: `${ocid}-1`,
          status: "active",
          value: { amount: 10_000 + ((i * 7919) % 2_000_000), currency: "GBP" },
          suppliers: [{ id: `GB-COH-${String(10000000 + (i % 5000))}`, name: `Bench Supplier ${i % 5000} Ltd` }],
          contractPeriod: { startDate: start.toISOString(), endDate: end.toISOString() },
        },
      ],
    };
    fs.writeSync(fd, `${i ? ",\n" : ""}${JSON.stringify(release)}`);
  }
  fs.writeSync(fd, "\n]}\n");
  fs.closeSync(fd);
}

const WORKER = `
import { listContracts, parseContractFilters } from "~/models/contract.server";
import { aggregateDemand, peerRenewals } from "~/models/contract-radar.server";
import { prisma } from "~/utils/db.server";
const times = { contracts: [], contractsFiltered: [], radarBuyer: [], radarDemand: [] };
const bnh = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
const viewer = { councilId: bnh.id };
const time = async (key, fn) => { const t = performance.now(); await fn(); times[key].push(performance.now() - t); };
for (let i = 0; i < Number(process.env.ROUNDS ?? 20); i++) {
  await time("contracts", () => listContracts(parseContractFilters(new URLSearchParams(\`page=\${1 + (i % 50)}\`)), null));
  await time("contractsFiltered", () => listContracts(parseContractFilters(new URLSearchParams("serviceArea=revenues-and-benefits&councilType=UA&endFrom=2027-01-01&endTo=2027-12-31")), null));
  await time("radarBuyer", () => peerRenewals(bnh.id, { serviceAreaSlug: "revenues-and-benefits" }, 18, viewer));
  await time("radarDemand", () => aggregateDemand({ serviceAreaSlug: "revenues-and-benefits" }));
}
const total = await prisma.contract.count();
console.log("RESULT " + JSON.stringify({ total, times }));
await prisma.$disconnect();
`;

function summarise(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] * 10) / 10;
  return { p50: at(50), p95: at(95), max: at(100) };
}

export function contractsSection({ dbFile, releases, env, log }: ContractsBenchOptions) {
  const dir = path.dirname(dbFile);
  const copy = path.join(dir, "contracts.db");
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(copy + suffix, { force: true });
  const src = new Database(dbFile, { readonly: true });
  src.exec(`VACUUM INTO '${copy.replace(/'/g, "''")}'`);
  const councils = src.prepare(`SELECT code, officialName FROM "Council" WHERE nation = 'England' ORDER BY code`).all() as {
    code: string;
    officialName: string;
  }[];
  src.close();
  const pkg = path.join(dir, `ocds-${releases}.json`);
  const today = new Date(`${env.PORTAL_TODAY ?? "2026-11-23"}T00:00:00Z`);
  writeGeneratedPackage(pkg, releases, councils, today);
  log(`  generated ${releases.toLocaleString("en-GB")} releases (${Math.round(fs.statSync(pkg).size / 1_048_576)} MB)`);
  const childEnv = { ...env, DATABASE_URL: `file:${copy}` };
  execFileSync("npx", ["tsx", "scripts/prisma.ts", "deploy"], { stdio: "ignore", env: childEnv });
  const out = execFileSync("npx", ["tsx", "scripts/import-ocds.ts", pkg], { env: childEnv, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const line = /imported (\d+) releases in ([\d.]+) s \(([\d.]+) releases\/s\), peak memory (\d+) MB/.exec(out);
  if (!line) throw new Error(`import output not understood:\n${out.slice(-2000)}`);
  const importResult = {
    releases: Number(line[1]),
    seconds: Number(line[2]),
    releasesPerSecond: Number(line[3]),
    peakMemoryMb: Number(line[4]),
  };
  log(`  import: ${importResult.releasesPerSecond} releases/s, peak memory ${importResult.peakMemoryMb} MB`);
  const worker = path.join(dir, "contracts-worker.mts");
  fs.writeFileSync(worker, WORKER);
  const result = execFileSync("npx", ["tsx", "--tsconfig", "tsconfig.json", worker], {
    env: childEnv,
    encoding: "utf8",
    cwd: process.cwd(),
  });
  const parsed = JSON.parse(/RESULT (.*)/.exec(result)![1]) as { total: number; times: Record<string, number[]> };
  const responses = Object.fromEntries(Object.entries(parsed.times).map(([k, v]) => [k, summarise(v)]));
  log(`  at ${parsed.total.toLocaleString("en-GB")} contracts (ms, p50 / p95 / max):`);
  for (const [k, v] of Object.entries(responses)) log(`    ${k.padEnd(18)} ${v.p50} / ${v.p95} / ${v.max}`);
  fs.rmSync(pkg, { force: true });
  return { import: importResult, contracts: parsed.total, responses_ms: responses };
}
