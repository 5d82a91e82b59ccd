// Issue 15 leftovers, through the real routes: on an email domain two councils share, sign-up
// offers both and refuses a council not on that domain; a council's lead grants and revokes the
// approver role only within their own council at /account/team (another council's officer is a
// 404, a non-lead 403), audited; and the change is one conditional statement, so of two at once
// exactly one lands, with one audit row (run with TEST_DATABASE=postgresql for PostgreSQL, where
// the two really run at once).
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const LEAD = "approver@brighton-hove.gov.uk";
const SHARED = "adur-worthing.gov.uk";
const PASSWORD = "correct horse battery staple";
const TRIALS = 20;

let ipCounter = 0;
const freshIp = () => `198.19.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

async function userId(email: string) {
  return (await (await db()).user.findUniqueOrThrow({ where: { email }, select: { id: true } })).id;
}

async function rolesOf(email: string) {
  const user = await (await db()).user.findUniqueOrThrow({ where: { email }, select: { roles: { select: { name: true } } } });
  return user.roles.map((r) => r.name).sort();
}

async function auditCount(action: string, entityId: string) {
  return (await db()).auditEvent.count({ where: { action, entityId } });
}

describe("sign-up on a domain two councils share", () => {
  beforeAll(async () => {
    // Adur and Worthing councils share one officer domain; the seeded list has it for Worthing
    // only, so an admin adds it for Adur as they would at /admin/council-domains.
    const route = await import("~/routes/admin.council-domains");
    const admin = await cookieFor(DEMO.admin);
    const res = await responseOf(() =>
      route.action({
        request: makeRequest("/admin/council-domains", { cookie: admin, form: { domain: SHARED, councilCode: "ADU" } }),
        params: {},
        context,
      }),
    );
    expect(res.status).toBe(302);
  });

  async function signUp(email: string, councilCode?: string) {
    const signup = await import("~/routes/signup");
    const form: Record<string, string> = { name: "Sam Shared", email, password: PASSWORD, confirmPassword: PASSWORD };
    if (councilCode !== undefined) form.councilCode = councilCode;
    return responseOf(() =>
      signup.action({ request: makeRequest("/signup", { form }), params: {}, context: { ...context, ip: freshIp() } }),
    );
  }

  it("offers both councils on the page", async () => {
    const signup = await import("~/routes/signup");
    const page = await signup.loader({ request: makeRequest("/signup"), params: {}, context });
    expect(page.sharedDomains[SHARED]).toEqual([
      { code: "ADU", name: "Adur" },
      { code: "WOT", name: "Worthing" },
    ]);
    // A domain one council uses is not offered as a choice.
    expect(page.sharedDomains["leeds.gov.uk"]).toBeUndefined();
  });

  it("asks which council when none is chosen, and refuses a council not on that domain, creating no account", async () => {
    const none = await signUp(`no.choice@${SHARED}`);
    expect(none.status).toBe(400);
    expect(((await none.json()) as { errors: Record<string, string[]> }).errors.councilCode).toEqual([
      `Select which council you work for: ${SHARED} is used by Adur and Worthing`,
    ]);
    const other = await signUp(`wrong.council@${SHARED}`, "LDS");
    expect(other.status).toBe(400);
    expect(((await other.json()) as { errors: Record<string, string[]> }).errors.councilCode?.[0]).toMatch(/^Select which council/);
    const prisma = await db();
    expect(await prisma.user.count({ where: { email: { in: [`no.choice@${SHARED}`, `wrong.council@${SHARED}`] } } })).toBe(0);
  });

  it("creates the account for the council chosen among those sharing the domain", async () => {
    expect((await signUp(`adur.officer@${SHARED}`, "ADU")).status).toBe(302);
    expect((await signUp(`worthing.officer@${SHARED}`, "wot")).status).toBe(302);
    const prisma = await db();
    const councilOf = async (email: string) =>
      (await prisma.user.findUniqueOrThrow({ where: { email }, select: { council: { select: { code: true } } } })).council?.code;
    expect(await councilOf(`adur.officer@${SHARED}`)).toBe("ADU");
    expect(await councilOf(`worthing.officer@${SHARED}`)).toBe("WOT");
  });
});

describe("the council lead's team page", () => {
  async function team(cookie: string) {
    const route = await import("~/routes/account_.team");
    return responseOf(() => route.loader({ request: makeRequest("/account/team", { cookie }), params: {}, context }));
  }
  async function setApprover(cookie: string, id: string, approver: "yes" | "no") {
    const route = await import("~/routes/account_.team");
    return responseOf(() =>
      route.action({
        request: makeRequest("/account/team", { cookie, form: { userId: id, approver } }),
        params: {},
        context: { ...context, ip: freshIp() },
      }),
    );
  }

  it("lists only the lead's own council's buyers", async () => {
    const res = await team(await cookieFor(LEAD));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { council: string; team: { email: string }[] };
    expect(body.council).toBe("Brighton and Hove");
    expect(body.team.map((u) => u.email)).toContain(DEMO.buyerA);
    expect(body.team.every((u) => u.email.endsWith("@brighton-hove.gov.uk"))).toBe(true);
  });

  it("grants and revokes approver within the lead's council, each audited once; a repeat from a stale page is a 409", async () => {
    const lead = await cookieFor(LEAD);
    const leadId = await userId(LEAD);
    const target = await userId(DEMO.buyerA);
    expect(await rolesOf(DEMO.buyerA)).toEqual(["buyer"]);

    const granted = await setApprover(lead, target, "yes");
    expect(granted.status).toBe(302);
    expect(granted.headers.get("Location")).toBe("/account/team");
    expect(await rolesOf(DEMO.buyerA)).toEqual(["approver", "buyer"]);
    const prisma = await db();
    expect(
      await prisma.auditEvent.findMany({ where: { action: "user.approver-granted", entityId: target }, select: { actorId: true } }),
    ).toEqual([{ actorId: leadId }]);

    const again = await setApprover(lead, target, "yes");
    expect(again.status).toBe(409);
    expect(await auditCount("user.approver-granted", target)).toBe(1);

    expect((await setApprover(lead, target, "no")).status).toBe(302);
    expect(await rolesOf(DEMO.buyerA)).toEqual(["buyer"]);
    expect(await auditCount("user.approver-revoked", target)).toBe(1);
    expect((await setApprover(lead, target, "no")).status).toBe(409);
    expect(await auditCount("user.approver-revoked", target)).toBe(1);
  });

  it("answers 404 for another council's officer and changes nothing", async () => {
    const lead = await cookieFor(LEAD);
    const leeds = await userId(DEMO.buyerB);
    const before = await rolesOf(DEMO.buyerB);
    expect((await setApprover(lead, leeds, "yes")).status).toBe(404);
    expect((await setApprover(lead, "no-such-user", "yes")).status).toBe(404);
    expect(await rolesOf(DEMO.buyerB)).toEqual(before);
    expect(await auditCount("user.approver-granted", leeds)).toBe(0);
  });

  it("refuses a buyer who is not a lead (403), to read and to change", async () => {
    const buyer = await cookieFor(DEMO.buyerA);
    const target = await userId(DEMO.buyerA);
    expect((await team(buyer)).status).toBe(403);
    expect((await setApprover(buyer, target, "yes")).status).toBe(403);
    expect(await rolesOf(DEMO.buyerA)).toEqual(["buyer"]);
  });

  it(`of two grants (and two revokes) at once exactly one lands, with one audit row, ${TRIALS} times`, async () => {
    const lead = await cookieFor(LEAD);
    const target = await userId(DEMO.buyerA);
    const grants0 = await auditCount("user.approver-granted", target);
    const revokes0 = await auditCount("user.approver-revoked", target);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const granted = await Promise.all([setApprover(lead, target, "yes"), setApprover(lead, target, "yes")]);
      expect(granted.map((r) => r.status).sort()).toEqual([302, 409]);
      expect(await rolesOf(DEMO.buyerA)).toEqual(["approver", "buyer"]);
      expect(await auditCount("user.approver-granted", target)).toBe(grants0 + trial);
      const revoked = await Promise.all([setApprover(lead, target, "no"), setApprover(lead, target, "no")]);
      expect(revoked.map((r) => r.status).sort()).toEqual([302, 409]);
      expect(await rolesOf(DEMO.buyerA)).toEqual(["buyer"]);
      expect(await auditCount("user.approver-revoked", target)).toBe(revokes0 + trial);
    }
  });

  it("the model's grant is one conditional statement: two at once, one change and one audit row", async () => {
    const { setApproverRole } = await import("~/models/user.server");
    const prisma = await db();
    const target = await userId(DEMO.buyerA);
    const { councilId } = await prisma.user.findUniqueOrThrow({ where: { id: target }, select: { councilId: true } });
    const actor = { id: await userId(DEMO.admin) };
    const grants0 = await auditCount("user.approver-granted", target);
    for (let trial = 1; trial <= TRIALS; trial++) {
      const both = await Promise.all([
        setApproverRole({ userId: target, approver: true, councilId, actor }),
        setApproverRole({ userId: target, approver: true, councilId, actor }),
      ]);
      expect(both.sort()).toEqual([false, true]);
      expect(await auditCount("user.approver-granted", target)).toBe(grants0 + trial);
      expect(await setApproverRole({ userId: target, approver: false, councilId, actor })).toBe(true);
    }
    // Not a buyer of that council: nothing is granted.
    const supplier = await userId(DEMO.supplierA);
    expect(await setApproverRole({ userId: supplier, approver: true, councilId, actor })).toBe(false);
    expect(await rolesOf(DEMO.supplierA)).not.toContain("approver");
  });
});
