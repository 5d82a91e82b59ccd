// Saved searches and alerts (issue 15), through the routes and the scheduled job on the fake
// clock: the email lists exactly the new and changed matches, none goes when nothing changed,
// the unsubscribe link works signed out (and a forged one does not), someone else's saved search
// is a 404, two runners started together send each alert once, and the email reaches a real
// SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { sentMail } from "../support/mail";
import { deliverQueuedMail, startSmtp } from "../support/smtp";

useTestDatabase();

const DAY = 86_400_000;
const WORD = "quokkaware";
const SEARCH = `type=suppliers&q=${WORD}`;

// Fresh sessions each time: the tests move the clock on by days, past any session's life.
const asBuyerA = () => cookieFor(DEMO.buyerA);
const asBuyerB = () => cookieFor(DEMO.buyerB);

async function createMatchingSupplier(slug: string, name: string) {
  const { prisma } = await import("~/utils/db.server");
  const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
  const { now } = await import("~/utils/clock.server");
  const { syncSearch } = await import("~/services/search.server");
  const supplier = await prisma.$transaction(async (tx) => {
    const s = await tx.supplier.create({
      data: {
        slug,
        legalName: `${name} Ltd`,
        tradingName: name,
        declaredSize: "small",
        computedSize: "small",
        region: "North West",
        description: `Housing repairs software (${WORD}).`,
        contactName: "Test Contact",
        contactEmail: `hello@${slug}.example`,
        verifiedAt: now(),
      },
    });
    await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: s.id }]);
    return s;
  });
  await syncSearch();
  return supplier;
}

async function changeSupplierDescription(id: string, description: string) {
  const { prisma } = await import("~/utils/db.server");
  const { enqueueSearchUpdate } = await import("~/models/search-outbox.server");
  const { syncSearch } = await import("~/services/search.server");
  await prisma.$transaction(async (tx) => {
    await tx.supplier.update({ where: { id }, data: { description } });
    await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: id }]);
  });
  await syncSearch();
}

async function alertMails() {
  return (await sentMail()).filter((m) => m.template === "search-alert");
}

async function saveAlert(as: () => Promise<string>, name: string, frequency = "daily", search = SEARCH) {
  const route = await import("~/routes/account_.alerts.new");
  const cookie = await as();
  return responseOf(async () =>
    route.action({ request: makeRequest("/account/alerts/new", { cookie, form: { name, frequency, search } }), params: {}, context }),
  );
}

async function runAlertsNow() {
  const { runSearchAlerts } = await import("~/jobs/alerts.server");
  const { now } = await import("~/utils/clock.server");
  return runSearchAlerts(now());
}

beforeAll(async () => {
  const search = await import("~/services/search.server");
  const { EmbeddedEngine } = await import("~/search/embedded-engine.server");
  search.resetSearchState(new EmbeddedEngine());
});

// The clock only moves on within this file, as it does in life; put it back for the next file.
afterAll(async () => {
  const { resetClock } = await import("~/utils/clock.server");
  resetClock();
});

describe("saved search alerts", () => {
  it("emails exactly the new matches, then nothing while nothing changes, then the changed one", async () => {
    const { advanceClock } = await import("~/utils/clock.server");
    const first = await createMatchingSupplier("quokka-one", "Quokka One");
    const saved = await saveAlert(asBuyerA, "Quokka suppliers");
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/account/alerts");

    // The list shows it.
    const list = await import("~/routes/account_.alerts._index");
    const listed = (await (
      await responseOf(async () =>
        list.loader({ request: makeRequest("/account/alerts", { cookie: await asBuyerA() }), params: {}, context }),
      )
    ).json()) as {
      alerts: { name: string; frequency: string; search: string }[];
    };
    expect(listed.alerts.map((a) => [a.name, a.frequency, a.search])).toEqual([
      ["Quokka suppliers", "Daily email", `q=${WORD}&type=suppliers`],
    ]);

    // Not due before a day has passed.
    advanceClock(DAY / 2);
    expect((await runAlertsNow()).checked).toBe(0);

    await createMatchingSupplier("quokka-two", "Quokka Two");
    await createMatchingSupplier("quokka-three", "Quokka Three");
    advanceClock(DAY / 2 + 60_000);
    expect(await runAlertsNow()).toEqual({ checked: 1, sent: 1, unchanged: 0, taken: 0 });
    const [mail] = await alertMails();
    expect(mail.to).toBe(DEMO.buyerA);
    expect(mail.subject).toBe("2 new or changed matches for “Quokka suppliers”");
    expect(mail.text).toContain("Quokka Two:\nhttp");
    expect(mail.text).toContain("/suppliers/quokka-two");
    expect(mail.text).toContain("/suppliers/quokka-three");
    // The one that matched when the search was saved is not news.
    expect(mail.text).not.toContain("Quokka One");
    expect(mail.text).not.toContain("Changed (");

    // A day on with nothing changed: checked, nothing sent.
    advanceClock(DAY);
    expect(await runAlertsNow()).toEqual({ checked: 1, sent: 0, unchanged: 1, taken: 0 });
    expect(await alertMails()).toHaveLength(1);

    // A match that changed is listed as changed, alone.
    await changeSupplierDescription(first.id, `Repairs scheduling for housing teams (${WORD}), now with tenant portal.`);
    advanceClock(DAY);
    expect((await runAlertsNow()).sent).toBe(1);
    const second = (await alertMails())[1];
    expect(second.subject).toBe("1 new or changed match for “Quokka suppliers”");
    expect(second.text).toContain("Changed (1):");
    expect(second.text).toContain("/suppliers/quokka-one");
    expect(second.text).not.toContain("Quokka Two");

    // The person also sees it in the portal.
    const notifications = await import("~/routes/account_.notifications");
    const seen = (await (
      await responseOf(async () =>
        notifications.loader({ request: makeRequest("/account/notifications", { cookie: await asBuyerA() }), params: {}, context }),
      )
    ).json()) as { notifications: { message: string }[] };
    expect(seen.notifications.map((n) => n.message)).toEqual([
      "1 new or changed match for your saved search “Quokka suppliers”",
      "2 new or changed matches for your saved search “Quokka suppliers”",
    ]);
  });

  it("unsubscribes from the link in the email without signing in; a forged link is a 404", async () => {
    const mail = (await alertMails())[0];
    const link = /\/unsubscribe\/([^\s"<]+)/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = link![1];
    const route = await import("~/routes/unsubscribe.$token");

    // Opening the link (a mail scanner might) changes nothing.
    const page = await responseOf(async () => route.loader({ request: makeRequest(`/unsubscribe/${token}`), params: { token }, context }));
    expect(page.status).toBe(200);
    expect(await page.json()).toEqual({ description: "“Quokka suppliers”", kind: "alert" });
    const { prisma } = await import("~/utils/db.server");
    const before = await prisma.searchAlert.findFirstOrThrow({ where: { name: "Quokka suppliers" } });
    expect(before.frequency).toBe("daily");

    const forged = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    const refused = await responseOf(async () =>
      route.action({ request: makeRequest(`/unsubscribe/${forged}`, { form: {} }), params: { token: forged }, context }),
    );
    expect(refused.status).toBe(404);
    expect((await prisma.searchAlert.findUniqueOrThrow({ where: { id: before.id } })).frequency).toBe("daily");

    const done = await responseOf(async () =>
      route.action({ request: makeRequest(`/unsubscribe/${token}`, { form: {} }), params: { token }, context }),
    );
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ done: true });
    const after = await prisma.searchAlert.findUniqueOrThrow({ where: { id: before.id } });
    expect(after.frequency).toBe("none");
    const audit = await prisma.auditEvent.findFirst({ where: { action: "search-alert.unsubscribed", entityId: before.id } });
    expect(audit?.actorId).toBeNull();

    // No more emails, however much changes.
    const { advanceClock } = await import("~/utils/clock.server");
    await createMatchingSupplier("quokka-four", "Quokka Four");
    advanceClock(3 * DAY);
    expect((await runAlertsNow()).checked).toBe(0);
  });

  it("someone else's saved search is a 404, to read and to change", async () => {
    const { prisma } = await import("~/utils/db.server");
    const alert = await prisma.searchAlert.findFirstOrThrow({ where: { name: "Quokka suppliers" } });
    const route = await import("~/routes/account_.alerts.$id");
    const read = await responseOf(async () =>
      route.loader({
        request: makeRequest(`/account/alerts/${alert.id}`, { cookie: await asBuyerB() }),
        params: { id: alert.id },
        context,
      }),
    );
    expect(read.status).toBe(404);
    const change = await responseOf(async () =>
      route.action({
        request: makeRequest(`/account/alerts/${alert.id}`, {
          cookie: await asBuyerB(),
          form: { alertId: alert.id, version: String(alert.version), name: "Mine now", frequency: "daily" },
        }),
        params: { id: alert.id },
        context,
      }),
    );
    expect(change.status).toBe(404);
    const remove = await responseOf(async () =>
      route.action({
        request: makeRequest(`/account/alerts/${alert.id}?intent=delete`, { cookie: await asBuyerB(), form: { alertId: alert.id } }),
        params: { id: alert.id },
        context,
      }),
    );
    expect(remove.status).toBe(404);
    expect(await prisma.searchAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ name: "Quokka suppliers" });

    // The owner renames it and turns weekly emails on; a stale form is a conflict.
    const own = await responseOf(async () =>
      route.action({
        request: makeRequest(`/account/alerts/${alert.id}`, {
          cookie: await asBuyerA(),
          form: { alertId: alert.id, version: String(alert.version), name: "Quokka (weekly)", frequency: "weekly" },
        }),
        params: { id: alert.id },
        context,
      }),
    );
    expect(own.status).toBe(302);
    const stale = await responseOf(async () =>
      route.action({
        request: makeRequest(`/account/alerts/${alert.id}`, {
          cookie: await asBuyerA(),
          form: { alertId: alert.id, version: String(alert.version), name: "Older tab", frequency: "daily" },
        }),
        params: { id: alert.id },
        context,
      }),
    );
    expect(stale.status).toBe(409);
    expect(await prisma.searchAlert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({
      name: "Quokka (weekly)",
      frequency: "weekly",
    });
  });

  it("a bad search or a missing name gets the error summary, not a 500", async () => {
    const bad = await saveAlert(asBuyerA, "Odd", "daily", "type=suppliers&nosuchfilter=1");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.search?.[0]).toContain("nosuchfilter is not a filter");
    const unnamed = await saveAlert(asBuyerA, "  ", "daily");
    expect(unnamed.status).toBe(400);
    expect(((await unnamed.json()) as { errors: Record<string, string[]> }).errors.name).toEqual(["Enter a name for this search"]);
  });

  it("two job runners started together send each alert once", async () => {
    const { advanceClock } = await import("~/utils/clock.server");
    expect((await saveAlert(asBuyerB, "Quokka for Leeds")).status).toBe(302);
    await createMatchingSupplier("quokka-five", "Quokka Five");
    advanceClock(DAY + 60_000);
    const before = (await alertMails()).length;
    // Past the scheduler's lease on purpose: two runs of the alert job itself, at once.
    const outcomes = await Promise.all([runAlertsNow(), runAlertsNow()]);
    const sent = outcomes.reduce((n, o) => n + o.sent, 0);
    expect(sent).toBe(1);
    const mails = (await alertMails()).slice(before);
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[DEMO.buyerB, "1 new or changed match for “Quokka for Leeds”"]]);

    // And through the scheduler: two processes' runners, one run of the job.
    const { runDueJobs, JOBS } = await import("~/jobs/scheduler.server");
    const alertJobs = JOBS.filter((j) => j.name === "alerts:saved-searches");
    expect(alertJobs).toHaveLength(1);
    await createMatchingSupplier("quokka-six", "Quokka Six");
    advanceClock(DAY + 60_000);
    const { now } = await import("~/utils/clock.server");
    const at = now();
    const ran = await Promise.all([runDueJobs(at, "runner-1", alertJobs), runDueJobs(at, "runner-2", alertJobs)]);
    expect(ran.flat()).toEqual(["alerts:saved-searches"]);
    expect((await alertMails()).slice(before + 1).map((m) => m.subject)).toEqual(["1 new or changed match for “Quokka for Leeds”"]);
  });
});

describe("alert email over SMTP", () => {
  it("arrives at the mail server with the matches and the unsubscribe link", async () => {
    // What the earlier tests queued goes to the outbox first (SMTP_URL unset), so only the new alert meets the server.
    await deliverQueuedMail();
    const smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url(false);
    try {
      const { advanceClock } = await import("~/utils/clock.server");
      await createMatchingSupplier("quokka-seven", "Quokka Seven");
      advanceClock(DAY + 60_000);
      expect((await runAlertsNow()).sent).toBe(1);
      await deliverQueuedMail();
      const alerts = smtp.received;
      expect(alerts.map((m) => [m.to.join(","), m.subject])).toEqual([[DEMO.buyerB, "1 new or changed match for “Quokka for Leeds”"]]);
      expect(alerts[0].text).toContain("/suppliers/quokka-seven");
      expect(alerts[0].text).not.toContain("/suppliers/quokka-six");
      expect(alerts[0].text).toMatch(/\/unsubscribe\/alert\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/);
    } finally {
      delete process.env.SMTP_URL;
      await smtp.stop();
    }
  });
});
