// npm run db:backup -- FILE      a consistent backup of DATABASE_URL, safe while the app runs
// npm run db:restore -- FILE [--force]
import fs from "node:fs";

if (fs.existsSync(".env")) process.loadEnvFile(".env");
const url = process.env.DATABASE_URL ?? "file:./prisma/data/dev.db";
const [command, file] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const force = process.argv.includes("--force");
const { backupDatabase, restoreDatabase } = await import("../app/utils/backup.server");

if (!file || (command !== "backup" && command !== "restore")) {
  console.error("usage: npm run db:backup -- FILE | npm run db:restore -- FILE [--force]");
  process.exit(2);
}
try {
  if (command === "backup") {
    const { bytes } = await backupDatabase(url, file);
    console.log(`backed up to ${file} (${Math.round(bytes / 1024)} kB)`);
  } else {
    await restoreDatabase(url, file, { force });
    console.log(`restored ${file}; restart the app so every process reopens the database`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
