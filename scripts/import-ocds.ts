// npm run import:ocds -- FILE_OR_DIR [...]
// Merges OCDS 1.1 release packages (Contracts Finder, Find a Tender) into the contracts register
// and pipeline: a directory means every *.json in it, in name order. Prints a progress bar, then a
// summary with what matched and what did not and why. Exit code 1 when any input was refused.
import fs from "node:fs";
import path from "node:path";
import { Transform } from "node:stream";
import cliProgress from "cli-progress";
import { importReleasePackage, emptySummary, type ImportSummary } from "~/models/contract-import.server";
import { prisma } from "~/utils/db.server";

function filesOf(args: string[]): string[] {
  const files: string[] = [];
  for (const arg of args) {
    const stat = fs.statSync(arg, { throwIfNoEntry: false });
    if (!stat) throw new Error(`${arg}: no such file or directory`);
    if (stat.isDirectory())
      files.push(
        ...fs
          .readdirSync(arg)
          .filter((f) => f.endsWith(".json"))
          .sort()
          .map((f) => path.join(arg, f)),
      );
    else files.push(arg);
  }
  return files;
}

function printSummary(file: string, s: ImportSummary) {
  const out = process.stdout;
  out.write(`\n${file}\n`);
  out.write(`  releases read ${s.releases}, applied ${s.applied}\n`);
  out.write(
    `  contracts: ${s.contracts.created} created, ${s.contracts.updated} updated, ${s.contracts.unchanged} unchanged, ${s.contracts.older} older than the register\n`,
  );
  out.write(
    `  pipeline and opportunities: ${s.pipeline.created} created, ${s.pipeline.updated} updated, ${s.pipeline.unchanged} unchanged, ${s.pipeline.older} older\n`,
  );
  const matched = [...s.buyers].filter(([, b]) => b.code);
  const unmatched = [...s.buyers].filter(([, b]) => !b.code);
  out.write(`  buyers matched to a council: ${matched.length}\n`);
  for (const [name, b] of matched) out.write(`    ${name} → ${b.code} (${b.reason})\n`);
  out.write(`  buyers not matched: ${unmatched.length}\n`);
  for (const [name, b] of unmatched) out.write(`    ${name}: ${b.reason}\n`);
  out.write(`  suppliers matched: ${s.suppliers.matched}, not matched: ${s.suppliers.unmatched}\n`);
  for (const [name, why] of [...s.suppliers.unmatchedNames].slice(0, 20)) out.write(`    ${name}: ${why}\n`);
  if (s.suppliers.unmatchedNames.size > 20) out.write(`    … and ${s.suppliers.unmatchedNames.size - 20} more\n`);
  for (const p of s.problems)
    out.write(`  problem at release ${p.position ?? "-"}${p.releaseId ? ` (${p.releaseId})` : ""}: ${p.message}\n`);
  if (s.fatal) out.write(`  REFUSED at release ${s.fatal.position}: ${s.fatal.message}\n`);
}

async function main() {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (!args.length) {
    process.stderr.write("usage: npm run import:ocds -- FILE_OR_DIR [...]\n");
    process.exit(2);
  }
  let failed = false;
  const started = performance.now();
  let total = 0;
  for (const file of filesOf(args)) {
    const size = fs.statSync(file).size;
    const bar = new cliProgress.SingleBar(
      {
        format: `${path.basename(file)} [{bar}] {percentage}% | {releases} releases`,
        hideCursor: true,
        noTTYOutput: true,
        notTTYSchedule: 5000,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(size, 0, { releases: 0 });
    let bytes = 0;
    let releases = 0;
    // The bar follows bytes read: the number of releases is only known at the end of a stream.
    const counter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const summary = await importReleasePackage(
      fs.createReadStream(file).pipe(counter),
      {
        onProgress: (n) => {
          releases = n;
          bar.update(bytes, { releases });
        },
      },
      emptySummary(),
    );
    bar.update(bytes, { releases });
    bar.stop();
    printSummary(file, summary);
    total += summary.releases;
    if (summary.fatal || summary.problems.some((p) => p.position !== null)) failed = true;
  }
  const seconds = (performance.now() - started) / 1000;
  // One line the benchmark (bench/contracts.ts) reads: throughput and the process's peak memory.
  process.stdout.write(
    `\nimported ${total} releases in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(1)} releases/s), peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`,
  );
  await prisma.$disconnect();
  await exitAfterOutput(failed ? 1 : 0);
}

/**
 * Exits once stdout has taken everything written: to a pipe (the benchmark reads this process's
 * output) a long summary is written in part asynchronously, and process.exit at once cut it off
 * before the last line.
 */
async function exitAfterOutput(code: number): Promise<never> {
  await new Promise<void>((resolve) => process.stdout.write("", () => resolve()));
  process.exit(code);
}

main().catch(async (error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  await prisma.$disconnect();
  await exitAfterOutput(1);
});
