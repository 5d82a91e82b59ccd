// Expiry warnings and follows (issue 15) on the fake clock: an agreement a council has a project
// on warns that council's buyers (not another council's) 90 days before it ends and again on the
// day, naming its successor, each once however often the job runs; the supplier with an award on
// it hears too, as do a supplier's people when an accreditation lapses within 30 days; a
// supplier following a council hears of its new published case study once; a buyer who follows
// a council from its page sees and stops that follow at /account/follows, where the follow
// email's "Change what you follow" link takes them; two runners started together write each
// warning once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { sentMail } from "../support/mail";

useTestDatabase();

const DAY = 86_400_000;
const ids = { agreement: "", lot: "", accreditation: "" };

async function clock() {
  return import("~/utils/clock.server");
}

async function runExpiry() {
  const { runExpiryWarnings } = await import("~/jobs/expiry.server");
  const { now } = await clock();
  return runExpiryWarnings(now());
}

/** The warnings about this file's fixtures, as [recipient, subject] of their emails. */
async function fixtureWarnings() {
  return (await sentMail())
    .filter((m) => m.template === "expiry-warning" && /Test Cloud Framework|Cyber Essentials Plus certificate TEST-/.test(m.subject))
    .map((m) => [m.to, m.subject]);
}

async function notificationsOf(email: string) {
  const route = await import("~/routes/account_.notifications");
  const cookie = await cookieFor(email);
  const res = await responseOf(async () =>
    route.loader({ request: makeRequest("/account/notifications", { cookie }), params: {}, context }),
  );
  expect(res.status).toBe(200);
  return ((await res.json()) as { notifications: { message: string; link: string | null }[] }).notifications;
}

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  const { now } = await clock();
  const today = now();
  const dayOnly = (ms: number) => new Date(new Date(today.getTime() + ms).toISOString().slice(0, 10) + "T00:00:00Z");
  await prisma.agreement.create({
    data: {
      number: "RM9999.2",
      slug: "rm9999-2",
      name: "Test Cloud Framework 2",
      shortName: "Test Cloud Framework 2",
      description: "The successor",
      regulation: "PA2023",
      type: "closed-framework",
      startDate: dayOnly(-10 * DAY),
      endDate: dayOnly(1000 * DAY),
      sourceUrl: "https://www.example.gov.uk/test",
    },
  });
  const agreement = await prisma.agreement.create({
    data: {
      number: "RM9999.1",
      slug: "rm9999-1",
      name: "Test Cloud Framework 1",
      shortName: "Test Cloud Framework 1",
      description: "Ends in 100 days",
      regulation: "PCR2015",
      type: "closed-framework",
      startDate: dayOnly(-700 * DAY),
      // Ends 100 days after "today": the 90-day warning is 10 days away.
      endDate: dayOnly(100 * DAY),
      replacedBy: JSON.stringify(["RM9999.2"]),
      sourceUrl: "https://www.example.gov.uk/test",
      lots: { create: [{ number: "1", name: "Cloud hosting", startDate: dayOnly(-700 * DAY) }] },
    },
    include: { lots: true },
  });
  ids.agreement = agreement.id;
  ids.lot = agreement.lots[0].id;
  const leeds = await prisma.council.findUniqueOrThrow({ where: { code: "LDS" } });
  const brighton = await prisma.council.findUniqueOrThrow({ where: { code: "BNH" } });
  const project = {
    category: "cloud-hosting",
    estimatedValuePence: 5_000_000,
    contractMonths: 12,
    procurementStart: today,
    nation: "England",
  };
  // Leeds buys on the expiring agreement; Brighton on its successor, which is not ending.
  await prisma.buyingProject.create({
    data: { ...project, councilId: leeds.id, title: "Hosting", routeId: "framework-direct-award-rm9999-1" },
  });
  await prisma.buyingProject.create({
    data: { ...project, councilId: brighton.id, title: "Hosting", routeId: "framework-direct-award-rm9999-2" },
  });
  const kestrel = await prisma.supplier.findUniqueOrThrow({ where: { slug: "kestrel-civic-software" } });
  await prisma.lotAward.create({
    data: { supplierId: kestrel.id, lotId: ids.lot, awardedAt: today, reference: "TEST-AWARD", verified: true },
  });
  const brightwater = await prisma.supplier.findFirstOrThrow({ where: { users: { some: { email: DEMO.supplierB } } } });
  const accreditation = await prisma.accreditation.create({
    // Lapses 40 days after "today": the 30-day warning is 10 days away too.
    data: { supplierId: brightwater.id, kind: "cyber-essentials-plus", certificateNumber: "TEST-CE-1", expiresAt: dayOnly(40 * DAY) },
  });
  ids.accreditation = accreditation.id;
});

afterAll(async () => {
  (await clock()).resetClock();
});

describe("expiry warnings", () => {
  it("go to the right council's buyers and suppliers 90 (or 30) days before and on the day, each once", async () => {
    const { advanceClock } = await clock();
    await runExpiry();
    // 100 and 40 days out: nothing yet.
    expect(await fixtureWarnings()).toEqual([]);

    advanceClock(10 * DAY);
    await runExpiry();
    expect(await fixtureWarnings()).toEqual([
      [DEMO.buyerB, `Test Cloud Framework 1 (RM9999.1) ends on ${await endDate()}`],
      [DEMO.supplierA, `Test Cloud Framework 1 (RM9999.1) ends on ${await endDate()}`],
      [DEMO.supplierB, `Your Cyber Essentials Plus certificate TEST-CE-1 ends on ${await accreditationEnd()}`],
    ]);
    const leeds = await notificationsOf(DEMO.buyerB);
    const warning = leeds.find((n) => n.message.startsWith("Test Cloud Framework 1"));
    expect(warning?.message).toBe(
      `Test Cloud Framework 1 (RM9999.1) ends on ${await endDate()}, in 90 days. Your council has a buying project or an award on it. It is replaced by Test Cloud Framework 2 (RM9999.2).`,
    );
    expect(warning?.link).toBe("/frameworks/RM9999.1");
    // Brighton's buyers have no project on it.
    expect((await notificationsOf(DEMO.buyerA)).some((n) => n.message.includes("RM9999.1"))).toBe(false);

    // The job runs again, the same day and every day up to the end: no repeats.
    await runExpiry();
    advanceClock(DAY);
    await runExpiry();
    expect(await fixtureWarnings()).toHaveLength(3);

    // The accreditation lapses 30 days after its warning; the agreement ends 89 days after.
    advanceClock(29 * DAY);
    await runExpiry();
    expect((await fixtureWarnings()).slice(3)).toEqual([[DEMO.supplierB, "Your Cyber Essentials Plus certificate TEST-CE-1 ends today"]]);
    advanceClock(59 * DAY);
    await runExpiry();
    expect(await fixtureWarnings()).toHaveLength(4);
    advanceClock(DAY);
    await runExpiry();
    expect((await fixtureWarnings()).slice(4)).toEqual([
      [DEMO.buyerB, "Test Cloud Framework 1 (RM9999.1) ends today"],
      [DEMO.supplierA, "Test Cloud Framework 1 (RM9999.1) ends today"],
    ]);
    const onTheDay = (await notificationsOf(DEMO.buyerB)).find((n) => n.message.includes("ends today"));
    expect(onTheDay?.message).toContain("It is replaced by Test Cloud Framework 2 (RM9999.2).");
    const mail = (await sentMail()).find((m) => m.to === DEMO.buyerB && m.subject === "Test Cloud Framework 1 (RM9999.1) ends today");
    expect(mail?.text).toContain("Look at its successor: Test Cloud Framework 2 (RM9999.2).");
    expect(mail?.text).toContain("/frameworks/RM9999.1");

    // After the day: no more.
    advanceClock(DAY);
    await runExpiry();
    expect(await fixtureWarnings()).toHaveLength(6);
  });

  it("two runners started together write each warning once", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { now } = await clock();
    const brightwater = await prisma.supplier.findFirstOrThrow({ where: { users: { some: { email: DEMO.supplierB } } } });
    await prisma.accreditation.create({
      data: {
        supplierId: brightwater.id,
        kind: "cyber-essentials-plus",
        certificateNumber: "TEST-CE-2",
        expiresAt: new Date(now().toISOString().slice(0, 10) + "T00:00:00Z"),
      },
    });
    const before = (await fixtureWarnings()).length;
    await Promise.all([runExpiry(), runExpiry(), runExpiry()]);
    expect((await fixtureWarnings()).slice(before)).toEqual([
      [DEMO.supplierB, "Your Cyber Essentials Plus certificate TEST-CE-2 ends today"],
    ]);
  });
});

async function endDate() {
  const { prisma } = await import("~/utils/db.server");
  const { formatDate } = await import("~/utils/format");
  return formatDate((await prisma.agreement.findUniqueOrThrow({ where: { id: ids.agreement } })).endDate);
}

async function accreditationEnd() {
  const { prisma } = await import("~/utils/db.server");
  const { formatDate } = await import("~/utils/format");
  return formatDate((await prisma.accreditation.findUniqueOrThrow({ where: { id: ids.accreditation } })).expiresAt);
}

describe("follows", () => {
  it("a supplier following a council hears of its new published case study once, by email and in the portal", async () => {
    const { prisma } = await import("~/utils/db.server");
    const leeds = await prisma.council.findUniqueOrThrow({ where: { code: "LDS" } });
    const route = await import("~/routes/account_.follows");
    const cookie = await cookieFor(DEMO.supplierA);
    const followed = await responseOf(async () =>
      route.action({
        request: makeRequest("/account/follows?intent=council", { cookie, form: { councilId: leeds.id } }),
        params: {},
        context,
      }),
    );
    expect(followed.status).toBe(302);
    // Twice is refused, not a 500.
    const again = await responseOf(async () =>
      route.action({
        request: makeRequest("/account/follows?intent=council", { cookie: await cookieFor(DEMO.supplierA), form: { councilId: leeds.id } }),
        params: {},
        context,
      }),
    );
    expect(again.status).toBe(409);
    // Administrators follow nothing (buyers do: the next test).
    const admin = await responseOf(async () =>
      route.loader({ request: makeRequest("/account/follows", { cookie: await cookieFor(DEMO.admin) }), params: {}, context }),
    );
    expect(admin.status).toBe(403);

    const { now } = await clock();
    const since = now();
    const study = await prisma.caseStudy.findFirstOrThrow({ where: { councilId: leeds.id, status: "published" } });
    const publishedAt = new Date(since.getTime() + 60_000);
    await prisma.caseStudy.update({ where: { id: study.id }, data: { publishedAt } });
    const { runFollowNews } = await import("~/jobs/alerts.server");
    const at = new Date(since.getTime() + 3_600_000);
    expect(await runFollowNews(at, since)).toEqual({ caseStudies: 1, pipelineEntries: 0, told: 1 });
    // A second run over the same window tells nobody again.
    expect(await runFollowNews(at, since)).toEqual({ caseStudies: 1, pipelineEntries: 0, told: 0 });
    const mails = (await sentMail()).filter((m) => m.template === "follow-news");
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[DEMO.supplierA, `New case study from ${leeds.name}: ${study.title}`]]);
    expect(mails[0].text).toContain(`/case-studies/${study.slug}`);
    expect(mails[0].text).toMatch(/\/unsubscribe\/follow\./);
    expect((await notificationsOf(DEMO.supplierA)).map((n) => n.message)).toContain(`New case study from ${leeds.name}: ${study.title}`);

    // Its unsubscribe link, signed out, ends the follow.
    const token = /\/unsubscribe\/([^\s"<]+)/.exec(mails[0].text)![1];
    const unsubscribe = await import("~/routes/unsubscribe.$token");
    const done = await responseOf(async () =>
      unsubscribe.action({ request: makeRequest(`/unsubscribe/${token}`, { form: {} }), params: { token }, context }),
    );
    expect(done.status).toBe(200);
    expect(await prisma.follow.count({ where: { subjectId: leeds.id } })).toBe(0);
  });

  it("a buyer who follows a council from its page sees it at /account/follows, reaches it from the email's manage link, and stops following there", async () => {
    const { prisma } = await import("~/utils/db.server");
    const leeds = await prisma.council.findUniqueOrThrow({ where: { code: "LDS" } });
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerA } });
    const councilPage = await import("~/routes/councils.$code");
    const followsPage = await import("~/routes/account_.follows");
    type FollowsData = { follows: { id: string; kind: string; subjectId: string; name: string }[] };
    const followsAt = async (path: string) => {
      const res = await responseOf(async () =>
        followsPage.loader({ request: makeRequest(path, { cookie: await cookieFor(DEMO.buyerA) }), params: {}, context }),
      );
      expect(res.status).toBe(200);
      return ((await res.json()) as FollowsData).follows;
    };

    // Brighton and Hove's buyer follows Leeds from Leeds's page.
    const followed = await responseOf(async () =>
      councilPage.action({
        request: makeRequest("/councils/LDS", { cookie: await cookieFor(DEMO.buyerA), form: { intent: "follow" } }),
        params: { code: "LDS" },
        context,
      }),
    );
    expect(followed.status).toBe(302);
    const listed = await followsAt("/account/follows");
    expect(listed.map((f) => [f.kind, f.subjectId, f.name])).toEqual([["council", leeds.id, leeds.name]]);

    // Leeds publishes a case study; the buyer is emailed, and the email's manage link is this page.
    const { now } = await clock();
    const since = new Date(now().getTime() + DAY);
    const study = await prisma.caseStudy.findFirstOrThrow({ where: { councilId: leeds.id, status: "published" } });
    await prisma.caseStudy.update({ where: { id: study.id }, data: { publishedAt: new Date(since.getTime() + 60_000) } });
    const { runFollowNews } = await import("~/jobs/alerts.server");
    await runFollowNews(new Date(since.getTime() + 3_600_000), since);
    const mails = (await sentMail()).filter((m) => m.template === "follow-news" && m.to === DEMO.buyerA);
    expect(mails.map((m) => m.subject)).toEqual([`New case study from ${leeds.name}: ${study.title}`]);
    const manage = /Change what you follow:\n(\S+)/.exec(mails[0].text)?.[1];
    expect(manage).toBeTruthy();
    expect(mails[0].html).toContain(`href="${manage}"`);
    const manageUrl = new URL(manage!);
    expect(manageUrl.pathname).toBe("/account/follows");
    // Opened signed in as the buyer, the link shows the follow with its "Stop following" form.
    const fromMail = await followsAt(manageUrl.pathname + manageUrl.search);
    expect(fromMail.map((f) => f.subjectId)).toEqual([leeds.id]);

    const stopped = await responseOf(async () =>
      followsPage.action({
        request: makeRequest("/account/follows?intent=unfollow", {
          cookie: await cookieFor(DEMO.buyerA),
          form: { followId: fromMail[0].id },
        }),
        params: {},
        context,
      }),
    );
    expect(stopped.status).toBe(302);
    expect(stopped.headers.get("Location")).toBe("/account/follows");
    expect(await followsAt("/account/follows")).toEqual([]);
    expect(await prisma.follow.count({ where: { userId: buyer.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { actorId: buyer.id, action: "follow.deleted", entityId: fromMail[0].id } })).toBe(1);
  });
});
