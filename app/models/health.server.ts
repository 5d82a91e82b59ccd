import { now } from "~/utils/clock.server";
import { databaseFileProblem, prisma } from "~/utils/db.server";

const PROBE = "health:write-probe";

export interface DatabaseHealth {
  reachable: boolean;
  writable: boolean;
  problem?: string;
}

/** Reads, then makes a tiny write (one row's timestamp), so a full disk or read-only file shows. */
export async function checkDatabase(): Promise<DatabaseHealth> {
  const fileProblem = databaseFileProblem();
  if (fileProblem) return { reachable: false, writable: false, problem: fileProblem };
  try {
    await prisma.$queryRawUnsafe("SELECT 1");
  } catch (error) {
    return { reachable: false, writable: false, problem: describe(error) };
  }
  try {
    const at = now();
    const { count } = await prisma.scheduledJob.updateMany({ where: { name: PROBE }, data: { lastRunAt: at } });
    if (count === 0)
      await prisma.scheduledJob
        .create({ data: { name: PROBE, nextRunAt: new Date("9999-12-31T00:00:00Z"), lastRunAt: at } })
        .catch(() => {});
    return { reachable: true, writable: true };
  } catch (error) {
    return { reachable: true, writable: false, problem: describe(error) };
  }
}

function describe(error: unknown): string {
  if (error instanceof Response) return "The database is unavailable";
  return error instanceof Error ? error.message.slice(0, 200) : String(error).slice(0, 200);
}

/** Seconds since the oldest search change that no index has applied yet (0 when none). */
export async function outboxLagSeconds(): Promise<number> {
  const oldest = await prisma.searchOutbox.findFirst({
    where: { processedAt: null },
    orderBy: { seq: "asc" },
    select: { createdAt: true },
  });
  return oldest ? Math.max(0, Math.round((now().getTime() - oldest.createdAt.getTime()) / 1000)) : 0;
}
