// Scheduled jobs on the fake clock: retention deletes exactly what has passed its period,
// time-dependent search facts are re-indexed when a framework expires, and each due run
// happens once across processes and survives a restart.
import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { useTestDatabase } from "../support/test-db";

useTestDatabase();

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function jobs() {
  return import("~/jobs/scheduler.server");
}

describe("retention", () => {
  it("deletes sign-in attempts after 30 days, ended sessions, spent links and applied search changes; keeps the rest", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { runDueJobs, JOBS } = await jobs();
    const at = new Date("2027-03-01T12:00:00Z");
    const user = await prisma.user.findFirstOrThrow({ where: { email: "buyer@leeds.gov.uk" } });
    await prisma.loginAttempt.createMany({
      data: [
        { key: "ip:203.0.113.1", succeeded: false, createdAt: new Date(at.getTime() - 31 * DAY) },
        { key: "ip:203.0.113.2", succeeded: false, createdAt: new Date(at.getTime() - 29 * DAY) },
      ],
    });
    const expired = await prisma.session.create({
      data: {
        userId: user.id,
        createdAt: new Date(at.getTime() - 13 * HOUR),
        lastSeenAt: new Date(at.getTime() - 10 * 60_000),
        expiresAt: new Date(at.getTime() - HOUR),
      },
    });
    const idle = await prisma.session.create({
      data: {
        userId: user.id,
        createdAt: new Date(at.getTime() - 2 * HOUR),
        lastSeenAt: new Date(at.getTime() - 31 * 60_000),
        expiresAt: new Date(at.getTime() + 10 * HOUR),
      },
    });
    const live = await prisma.session.create({
      data: {
        userId: user.id,
        createdAt: new Date(at.getTime() - HOUR),
        lastSeenAt: new Date(at.getTime() - 5 * 60_000),
        expiresAt: new Date(at.getTime() + 11 * HOUR),
      },
    });
    const spent = await prisma.verificationToken.create({
      data: { userId: user.id, purpose: "email-verification", tokenHash: "spent-token", expiresAt: new Date(at.getTime() - 8 * DAY) },
    });
    const pending = await prisma.verificationToken.create({
      data: { userId: user.id, purpose: "email-verification", tokenHash: "pending-token", expiresAt: new Date(at.getTime() + DAY) },
    });
    const oldChange = await prisma.searchOutbox.create({
      data: {
        entityType: "product",
        entityId: "x",
        createdAt: new Date(at.getTime() - 3 * DAY),
        processedAt: new Date(at.getTime() - 2 * DAY),
      },
    });
    const unapplied = await prisma.searchOutbox.create({
      data: { entityType: "product", entityId: "y", createdAt: new Date(at.getTime() - 3 * DAY) },
    });

    const retention = JOBS.filter((j) => j.name === "retention");
    expect(await runDueJobs(at, "test-holder", retention)).toEqual(["retention"]);

    const keys = (await prisma.loginAttempt.findMany({ where: { key: { startsWith: "ip:203.0.113." } } })).map((a) => a.key);
    expect(keys).toEqual(["ip:203.0.113.2"]);
    const sessions = new Set((await prisma.session.findMany({ where: { id: { in: [expired.id, idle.id, live.id] } } })).map((s) => s.id));
    expect([...sessions]).toEqual([live.id]);
    const tokens = (await prisma.verificationToken.findMany({ where: { id: { in: [spent.id, pending.id] } } })).map((t) => t.id);
    expect(tokens).toEqual([pending.id]);
    const changes = (await prisma.searchOutbox.findMany({ where: { seq: { in: [oldChange.seq, unapplied.seq] } } })).map((c) => c.seq);
    expect(changes).toEqual([unapplied.seq]);
  });

  it("the privacy notice states the periods the retention job applies", async () => {
    const { RETENTION } = await import("~/models/retention");
    const { default: Privacy } = await import("~/routes/privacy");
    const html = renderToStaticMarkup(createElement(Privacy));
    expect(html).toContain(`Kept for ${RETENTION.loginAttemptsDays} days`);
    expect(html).toContain(`${RETENTION.spentTokensDays} days`);
    expect(html).toMatch(/deleted within an hour of ending/);
  });
});

describe("time-dependent search facts", () => {
  beforeAll(async () => {
    const { resetSearchState } = await import("~/services/search.server");
    const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
    resetSearchState(new EmbeddedEngine());
  });

  it("a listing stops showing as on a live framework when the framework expires, once the job runs", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { ensureSearchReady, syncSearch, searchIndex } = await import("~/services/search.server");
    const { runDueJobs, JOBS } = await jobs();
    const agreement = await prisma.agreement.findFirstOrThrow({ where: { number: "RM1557.15" } });
    const product = await prisma.product.findFirstOrThrow({
      where: { status: "published", publishedVersion: { lots: { every: { lot: { agreementId: agreement.id } }, some: {} } } },
      include: { publishedVersion: true },
    });
    const reindex = JOBS.filter((j) => j.name === "search:time-dependent-reindex");
    const liveFlag = async () => {
      const res = await searchIndex("products", {
        q: product.publishedVersion!.name,
        type: "products",
        sort: "relevance",
        page: 1,
        pageSize: 50,
        frameworks: "all",
        filters: {},
      });
      return res.hits.find((h) => h.id === product.id)?.document.liveFramework;
    };

    const original = process.env.PORTAL_TODAY;
    try {
      await ensureSearchReady();
      expect(await liveFlag()).toBe("true");
      // The job has been running hourly up to the day before expiry.
      const dayBefore = new Date(agreement.endDate!.getTime() - DAY);
      expect(await runDueJobs(dayBefore, "test-holder", reindex)).toEqual(["search:time-dependent-reindex"]);

      // Two days after the framework's end date: nothing in the database changed.
      process.env.PORTAL_TODAY = new Date(agreement.endDate!.getTime() + 2 * DAY).toISOString().slice(0, 10);
      await syncSearch();
      expect(await liveFlag()).toBe("true"); // stale until the job re-indexes it

      expect(await runDueJobs(new Date(agreement.endDate!.getTime() + 2 * DAY), "test-holder", reindex)).toEqual([
        "search:time-dependent-reindex",
      ]);
      await syncSearch();
      expect(await liveFlag()).toBe("false");
    } finally {
      process.env.PORTAL_TODAY = original;
    }
  });
});

describe("scheduling across processes", () => {
  it("runs a due job once when several processes try at the same moment, and not again until due", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { runDueJobs } = await jobs();
    let runs = 0;
    const job = { name: "test:counting", everyMs: HOUR, run: async () => void (runs += 1) };
    const at = new Date("2027-06-01T09:00:00Z");
    const results = await Promise.all(["p1", "p2", "p3", "p4"].map((holder) => runDueJobs(at, holder, [job])));
    expect(results.flat()).toEqual(["test:counting"]);
    expect(runs).toBe(1);
    expect(await runDueJobs(new Date(at.getTime() + 30 * 60_000), "p2", [job])).toEqual([]);
    expect(await runDueJobs(new Date(at.getTime() + HOUR), "p3", [job])).toEqual(["test:counting"]);
    expect(runs).toBe(2);
    const row = await prisma.scheduledJob.findUniqueOrThrow({ where: { name: "test:counting" } });
    expect(row.runs).toBe(2);
    expect(row.lockedBy).toBeNull();
    expect(row.nextRunAt.toISOString()).toBe(new Date(at.getTime() + 2 * HOUR).toISOString());
  });

  it("survives a restart: a run claimed by a process that died is taken over when its lease ends", async () => {
    const { claimJob } = await import("~/models/scheduled-job.server");
    const { runDueJobs } = await jobs();
    let runs = 0;
    const job = { name: "test:restart", everyMs: HOUR, run: async () => void (runs += 1) };
    const at = new Date("2027-07-01T09:00:00Z");
    await runDueJobs(at, "first-process", [job]);
    expect(runs).toBe(1);
    // The next run is claimed by a process that then dies.
    const due = new Date(at.getTime() + HOUR);
    expect(await claimJob("test:restart", "died", due, 10 * 60_000)).not.toBeNull();
    expect(await runDueJobs(new Date(due.getTime() + 60_000), "restarted", [job])).toEqual([]);
    expect(await runDueJobs(new Date(due.getTime() + 11 * 60_000), "restarted", [job])).toEqual(["test:restart"]);
    expect(runs).toBe(2);
  });

  it("a failed run is retried in five minutes and does not count as run", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { runDueJobs } = await jobs();
    const job = {
      name: "test:failing",
      everyMs: HOUR,
      run: async () => {
        throw new Error("mail server down");
      },
    };
    const at = new Date("2027-08-01T09:00:00Z");
    expect(await runDueJobs(at, "p1", [job])).toEqual([]);
    const row = await prisma.scheduledJob.findUniqueOrThrow({ where: { name: "test:failing" } });
    expect(row.lastError).toBe("mail server down");
    expect(row.lastRunAt).toBeNull();
    expect(row.nextRunAt.toISOString()).toBe(new Date(at.getTime() + 5 * 60_000).toISOString());
  });
});
