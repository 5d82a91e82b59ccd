// Contracts register benchmark (issue 16): OCDS import throughput (releases/s) and peak memory
// (RSS sampled every 100 ms, and the process's own maxRSS) for a generated release package (a
// mix of award, planning and tender releases across councils, 100,000 by default), then /contracts
// and /radar response times (p50 / p95 / max over ROUNDS ≥ 50 loader-level calls each) with the
// register at 100,000 contracts. Runs on a copy of the bench database (bench/.data/contracts.db),
// the import in a child process so its memory is its own.
//
//   npm run bench -- --only contracts                      # 100,000 releases, then 100,000 contracts
//   npm run bench -- --only contracts --ocds-releases 20000 --contracts 100000
//
// When the import made fewer contracts than --contracts (a smaller package, or award releases
// that carry no contract), the register is filled up to that size with generated contracts
// written straight into the copy, so the response times are always measured at that size.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { round } from "./lib/stats";

export interface ContractsBenchOptions {
  dbFile: string;
  releases: number;
  /** Register size the response times are measured at. */
  contracts: number;
  rounds: number;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

const CPV = ["48000000", "79512000", "90510000", "72220000", "79631000", "66000000", "71310000", "85311000"];
const ROUTES = ["Open procedure", "Competitive flexible procedure", "Call-off from a framework", "Below-threshold open"];

/** Which kind release `i` is: 7 in 10 awards (3 in 7 of them with two lots), 2 planning (UK1), 1 tender. */
export function releaseKind(i: number): "award" | "planning" | "tender" {
  const k = i % 10;
  return k < 7 ? "award" : k < 9 ? "planning" : "tender";
}

/** Writes a release package of `count` releases, one at a time (the file is never in memory). */
export function writeGeneratedPackage(file: string, count: number, councils: { code: string; officialName: string }[], today: Date) {
  const fd = fs.openSync(file, "w");
  fs.writeSync(fd, `{"version":"1.1","publishedDate":"${today.toISOString()}","publisher":{"name":"bench"},"releases":[\n`);
  const kinds = { award: 0, planning: 0, tender: 0, awards: 0 };
  for (let i = 0; i < count; i++) {
    const council = councils[(i * 7) % councils.length];
    const ocid = `ocds-bench-${String(i).padStart(7, "0")}`;
    const buyerId = `GB-LAE-${council.code}`;
    const buyer = { id: buyerId, name: council.officialName };
    const supplier = { id: `GB-COH-${String(10000000 + (i % 5000))}`, name: `Bench Supplier ${i % 5000} Ltd` };
    const cpv = { scheme: "CPV", id: CPV[i % CPV.length] };
    const kind = releaseKind(i);
    kinds[kind] += 1;
    const month = (n: number, day = 1 + (i % 27)) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + n, day)).toISOString();
    const base = { ocid, id: `${ocid}-1`, date: "2025-01-01T00:00:00Z", buyer };
    let release: Record<string, unknown>;
    if (kind === "award") {
      const lots = i % 7 < 3 ? 2 : 1;
      kinds.awards += lots;
      const awards = Array.from({ length: lots }, (_, lot) => {
        const end = month((i % 36) + 1 + lot * 3);
        const start = month((i % 36) + 1 + lot * 3 - 36);
        return {
          id: `${ocid}-lot${lot + 1}`,
          status: "active",
          value: { amount: 10_000 + (((i + lot) * 7919) % 2_000_000), currency: "GBP" },
          suppliers: [supplier],
          contractPeriod: { startDate: start, endDate: end },
        };
      });
      release = {
        ...base,
        tag: ["award"],
        parties: [
          { ...buyer, identifier: { scheme: "GB-LAE", id: council.code }, roles: ["buyer"] },
          { ...supplier, roles: ["supplier"] },
        ],
        tender: { title: `Generated contract ${i}`, classification: cpv },
        awards,
      };
    } else if (kind === "planning") {
      release = {
        ...base,
        tag: ["planning"],
        parties: [{ ...buyer, identifier: { scheme: "GB-LAE", id: council.code }, roles: ["buyer"] }],
        planning: {
          budget: { amount: { amount: 50_000 + ((i * 104_729) % 3_000_000), currency: "GBP" } },
          milestones: [{ dueDate: month((i % 24) + 1) }],
        },
        tender: {
          title: `Planned procurement ${i}`,
          status: "planned",
          classification: cpv,
          procurementMethodDetails: ROUTES[i % ROUTES.length],
        },
      };
    } else {
      release = {
        ...base,
        tag: ["tender"],
        parties: [{ ...buyer, identifier: { scheme: "GB-LAE", id: council.code }, roles: ["buyer"] }],
        tender: {
          title: `Open tender ${i}`,
          status: "active",
          classification: cpv,
          value: { amount: 25_000 + ((i * 6007) % 900_000), currency: "GBP" },
          tenderPeriod: { endDate: month((i % 3) + 1) },
          procurementMethodDetails: ROUTES[i % ROUTES.length],
        },
      };
    }
    fs.writeSync(fd, `${i ? ",\n" : ""}${JSON.stringify(release)}`);
  }
  fs.writeSync(fd, "\n]}\n");
  fs.closeSync(fd);
  return kinds;
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** Runs the import as its own node process, sampling its RSS every 100 ms. */
async function runImport(pkg: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/import-ocds.ts", pkg], { env, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  let sampledPeak = 0;
  let samples = 0;
  const timer = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, rssMb(child.pid!));
    samples += 1;
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(timer);
  const line = /imported (\d+) releases in ([\d.]+) s \(([\d.]+) releases\/s\), peak memory (\d+) MB/.exec(out);
  if (!line || code !== 0) throw new Error(`import failed (exit ${code}):\n${out.slice(-2000)}`);
  return {
    releases: Number(line[1]),
    seconds: Number(line[2]),
    releasesPerSecond: Number(line[3]),
    peakRssSampledMb: round(sampledPeak, 0),
    rssSamples: samples,
    maxRssMb: Number(line[4]),
  };
}

/**
 * Fills the register up to `target` contracts with generated ones (spread over councils,
 * service areas and the next 36 months, one in five private), written in one transaction.
 */
export function fillRegister(file: string, target: number, today: Date): { added: number; total: number } {
  const db = new Database(file);
  try {
    const total = (db.prepare(`SELECT count(*) AS n FROM "Contract"`).get() as { n: number }).n;
    if (total >= target) return { added: 0, total };
    const councils = db.prepare(`SELECT id, officialName FROM "Council" ORDER BY code`).all() as { id: string; officialName: string }[];
    const areas = (db.prepare(`SELECT id FROM "ServiceArea" ORDER BY sortOrder, name`).all() as { id: string }[]).map((a) => a.id);
    const insert = db.prepare(`INSERT INTO "Contract" (id, councilId, buyerName, supplierName, title, startDate, endDate, latestEndDate,
      valuePence, cpvCodes, serviceAreaId, source, sourceKey, visibility, status, createdAt, updatedAt)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '["48000000"]', ?, 'council', ?, ?, 'active', ?, ?)`);
    const stamp = today.toISOString().replace("Z", "+00:00");
    const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
    const add = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        const council = councils[(i * 13) % councils.length];
        const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + (i % 36) + 1, 1 + (i % 28)));
        const start = new Date(Date.UTC(end.getUTCFullYear() - 3, end.getUTCMonth(), end.getUTCDate()));
        insert.run(
          `benchfill${String(i).padStart(8, "0")}`,
          council.id,
          council.officialName,
          `Bench Supplier ${i % 5000} Ltd`,
          `Generated register contract ${i}`,
          iso(start),
          iso(end),
          iso(end),
          1_000_000 + ((i * 7919) % 200_000_000),
          areas.length ? areas[i % areas.length] : null,
          `bench-fill:${i}`,
          i % 5 === 0 ? "private" : "public",
          stamp,
          stamp,
        );
      }
    });
    add(target - total);
    return { added: target - total, total: target };
  } finally {
    db.close();
  }
}

const WORKER = `
import { listContracts, parseContractFilters } from "~/models/contract.server";
import { aggregateDemand, peerRenewals, peerCache } from "~/models/contract-radar.server";
import { prisma } from "~/utils/db.server";
const rounds = Number(process.env.ROUNDS ?? 50);
const times = { contracts: [], contractsFiltered: [], radarBuyer: [], radarBuyerAllAreas: [], radarDemand: [] };
const bnh = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
const viewer = { councilId: bnh.id };
const time = async (key, fn) => { const t = performance.now(); await fn(); const ms = performance.now() - t; times[key]?.push(ms); return ms; };
// The first radar request of a process builds the peer profiles; reported on its own.
const firstRadar = await time("_first", () => peerRenewals(bnh.id, { serviceAreaSlug: "revenues-and-benefits" }, 18, viewer));
for (let i = 0; i < rounds; i++) {
  await time("contracts", () => listContracts(parseContractFilters(new URLSearchParams(\`page=\${1 + (i % 50)}\`)), null));
  await time("contractsFiltered", () => listContracts(parseContractFilters(new URLSearchParams("serviceArea=revenues-and-benefits&councilType=UA&endFrom=2027-01-01&endTo=2027-12-31")), null));
  await time("radarBuyer", () => peerRenewals(bnh.id, { serviceAreaSlug: "revenues-and-benefits" }, 18, viewer));
  await time("radarBuyerAllAreas", () => peerRenewals(bnh.id, {}, 24, viewer));
  await time("radarDemand", () => aggregateDemand({}));
}
const total = await prisma.contract.count();
console.log("RESULT " + JSON.stringify({ total, times, firstRadarMs: firstRadar, peerBuilds: peerCache.builds() }));
await prisma.$disconnect();
`;

function summarise(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))], 1);
  return { p50: at(50), p95: at(95), max: at(100), n: s.length };
}

const loadavg = () => os.loadavg().map((l) => round(l, 2));

export async function contractsSection({ dbFile, releases, contracts, rounds, env, log }: ContractsBenchOptions) {
  // The machine is shared: the load average beside the figures says how much to trust them.
  const loadavgStart = loadavg();
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
  const kinds = writeGeneratedPackage(pkg, releases, councils, today);
  const mb = Math.round(fs.statSync(pkg).size / 1_048_576);
  log(
    `  generated ${releases.toLocaleString("en-GB")} releases (${mb} MB): ${kinds.award} award (${kinds.awards} awards), ${kinds.planning} planning, ${kinds.tender} tender`,
  );
  const childEnv = { ...env, DATABASE_URL: `file:${copy}`, LOG_LEVEL: "warn" };
  execFileSync("npx", ["tsx", "scripts/prisma.ts", "deploy"], { stdio: "ignore", env: childEnv });
  let importResult;
  try {
    importResult = await runImport(pkg, childEnv);
  } finally {
    fs.rmSync(pkg, { force: true });
  }
  log(
    `  import: ${importResult.releasesPerSecond} releases/s (${importResult.releases.toLocaleString("en-GB")} in ${importResult.seconds} s), peak RSS ${importResult.peakRssSampledMb} MB sampled (maxRSS ${importResult.maxRssMb} MB)`,
  );
  const fill = fillRegister(copy, contracts, today);
  if (fill.added)
    log(`  register filled up with ${fill.added.toLocaleString("en-GB")} generated contracts to ${fill.total.toLocaleString("en-GB")}`);
  const worker = path.join(dir, "contracts-worker.mts");
  fs.writeFileSync(worker, WORKER);
  const result = execFileSync("npx", ["tsx", "--tsconfig", "tsconfig.json", worker], {
    env: { ...childEnv, ROUNDS: String(Math.max(50, rounds)) },
    encoding: "utf8",
    cwd: process.cwd(),
    maxBuffer: 64 * 1024 * 1024,
  });
  const parsed = JSON.parse(/RESULT (.*)/.exec(result)![1]) as {
    total: number;
    times: Record<string, number[]>;
    firstRadarMs: number;
    peerBuilds: number;
  };
  const responses = Object.fromEntries(Object.entries(parsed.times).map(([k, v]) => [k, summarise(v)]));
  log(`  at ${parsed.total.toLocaleString("en-GB")} contracts, loader-level calls (ms, p50 / p95 / max over ${Math.max(50, rounds)}):`);
  for (const [k, v] of Object.entries(responses)) log(`    ${k.padEnd(20)} ${v.p50} / ${v.p95} / ${v.max}`);
  log(
    `    first radar request (builds the peer profiles): ${round(parsed.firstRadarMs, 1)} ms; profile builds in the run: ${parsed.peerBuilds}`,
  );
  return {
    package: { releases, mb, ...kinds },
    import: importResult,
    contracts: parsed.total,
    filledUp: fill.added,
    responses_ms: responses,
    firstRadarMs: round(parsed.firstRadarMs, 1),
    peerProfileBuilds: parsed.peerBuilds,
    run: {
      date: new Date().toISOString(),
      cores: os.cpus().length,
      node: process.version,
      loadavg_start: loadavgStart,
      loadavg_end: loadavg(),
    },
  };
}
