// npm run search:reindex — rebuilds every search index from the database, with progress.
// For Meilisearch (MEILI_URL set) each index is rebuilt into a temporary index and swapped in.
import fs from "node:fs";
import cliProgress from "cli-progress";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const { migrateDatabase } = await import("../app/utils/migrate.server");
const { rebuildSearch, searchEngine } = await import("../app/services/search.server");
await migrateDatabase(process.env.DATABASE_URL ?? "file:./prisma/data/dev.db");

const bar = new cliProgress.SingleBar(
  { format: "{index} |{bar}| {value}/{total} documents", hideCursor: true },
  cliProgress.Presets.shades_classic,
);
let current = "";
const started = performance.now();
const counts = await rebuildSearch((index, done, total) => {
  if (index !== current) {
    if (current) bar.stop();
    current = index;
    bar.start(total, 0, { index: index.padEnd(12) });
  }
  bar.update(done, { index: index.padEnd(12) });
});
if (current) bar.stop();
console.log(`Rebuilt ${searchEngine().kind} search in ${((performance.now() - started) / 1000).toFixed(1)} s:`, counts);
if (searchEngine().kind === "embedded") {
  console.log("(The embedded engine lives in the server process and rebuilds itself on start; this run checks the build and its timing.)");
}
process.exit(0);
