// Access requests through the routes (issue 15): ask, confirm by the emailed link, one admin's
// decision wins. The mail is read from what reached a real SMTP server in this process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";
import { deliverQueuedMail, startSmtp, type TestSmtp } from "../support/smtp";

useTestDatabase();

let smtp: TestSmtp;
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url();
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.stop();
});

/** What arrived at the mail server for `to`, once everything queued has been sent. */
async function arrivedFor(to: string) {
  await deliverQueuedMail();
  return smtp.received.filter((m) => m.to.includes(to));
}

describe("access requests", () => {
  it("stores a confirmed request, and of two admins approving at once one wins (409 for the other), audited and mailed", async () => {
    const { prisma } = await import("~/utils/db.server");
    const ask = await import("~/routes/signup_.access-request");
    const form = {
      name: "Rhian Evans",
      email: "rhian.evans@digital.gov.wales",
      organisation: "Welsh Government",
      reason: "I buy cloud services with Cardiff council",
    };
    const asked = await responseOf(() => ask.action({ request: makeRequest("/signup/access-request", { form }), params: {}, context }));
    expect(asked.status).toBe(302);
    const asking = await arrivedFor(form.email);
    expect(asking.map((m) => m.subject)).toEqual(["Confirm your email address to send your request"]);
    const token = /confirm\?token=(\S+)/.exec(asking[0].text)![1];
    const confirm = await import("~/routes/signup_.access-request.confirm");
    const url = `/signup/access-request/confirm?token=${token}`;
    expect(await confirm.loader({ request: makeRequest(url), params: {}, context })).toMatchObject({ confirmed: true });
    expect(await confirm.loader({ request: makeRequest(url), params: {}, context })).toMatchObject({ confirmed: false });

    const admin = await cookieFor(DEMO.admin);
    const page = await import("~/routes/admin.access-requests");
    const list = await page.loader({ request: makeRequest("/admin/access-requests", { cookie: admin }), params: {}, context });
    expect(list.requests.map((r) => r.email)).toEqual(["rhian.evans@digital.gov.wales"]);
    const requestId = list.requests[0].id;
    const decide = (f: Record<string, string>, intent: string) =>
      responseOf(() =>
        page.action({ request: makeRequest(`/admin/access-requests?intent=${intent}`, { cookie: admin, form: f }), params: {}, context }),
      );
    expect((await decide({ requestId, reason: "too short" }, "refuse")).status).toBe(400);
    const statuses = (
      await Promise.all([decide({ requestId, councilCode: "CRF" }, "approve"), decide({ requestId, councilCode: "CRF" }, "approve")])
    )
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([302, 409]);
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: "rhian.evans@digital.gov.wales" },
      include: { roles: true, council: true },
    });
    expect(user.roles.map((r) => r.name)).toEqual(["buyer"]);
    expect(user.council?.code).toBe("CRF");
    expect(await prisma.auditEvent.count({ where: { action: "access-request.approved", entityId: requestId } })).toBe(1);
    const arrived = await arrivedFor(form.email);
    expect(arrived.map((m) => m.subject)).toEqual([
      "Confirm your email address to send your request",
      "We have your request for a Council Marketplace account",
      "Your Council Marketplace account is ready",
    ]);
    expect(arrived[2].text).toContain("Your buyer account is for Cardiff");
    expect(arrived[2].text).toMatch(/http:\/\/localhost:3000\/\S+token=|http:\/\/localhost:3000\/invitations\/\S+/);
  });
});
