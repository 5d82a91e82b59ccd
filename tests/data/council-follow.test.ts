// Following a council from its own page (issue 15), through the route's loader and action as
// the browser reaches them: a supplier and a buyer follow and stop following (302 with a
// message, one audited change each); following twice is a 409 and stopping twice a 404, neither
// writing anything; an admin is refused (403), a signed-out visitor is sent to sign in, a
// made-up intent is a 400 and an unknown council a 404, none of them writing. A follower made
// here is told of the council's news by the same notifyFollowers the scheduled job uses.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

const CODE = "LDS";
let leedsId = "";

beforeAll(async () => {
  const { prisma } = await import("~/utils/db.server");
  leedsId = (await prisma.council.findUniqueOrThrow({ where: { code: CODE } })).id;
});

async function route() {
  return import("~/routes/councils.$code");
}

async function post(email: string | null, form: Record<string, string>, code = CODE) {
  const { action } = await route();
  const cookie = email ? await cookieFor(email) : undefined;
  return responseOf(() => action({ request: makeRequest(`/councils/${code}`, { cookie, form }), params: { code }, context }));
}

async function followState(email: string | null) {
  const { loader } = await route();
  const cookie = email ? await cookieFor(email) : undefined;
  const res = await responseOf(() => loader({ request: makeRequest(`/councils/${CODE}`, { cookie }), params: { code: CODE }, context }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { follow: { canFollow: string; following: boolean } }).follow;
}

async function counts(email: string) {
  const { prisma } = await import("~/utils/db.server");
  const user = await prisma.user.findUniqueOrThrow({ where: { email } });
  const [follows, audits] = await Promise.all([
    prisma.follow.count({ where: { userId: user.id, kind: "council", subjectId: leedsId } }),
    prisma.auditEvent.count({ where: { actorId: user.id, action: { startsWith: "follow." } } }),
  ]);
  return { follows, audits };
}

describe("following a council from its page", () => {
  it.each([
    ["a supplier", DEMO.supplierB],
    ["a buyer", DEMO.buyerA],
  ])("%s follows and stops following, each change audited once", async (_who, email) => {
    expect(await followState(email)).toEqual({ canFollow: "yes", following: false });
    const before = await counts(email);
    expect(before.follows).toBe(0);

    const followed = await post(email, { intent: "follow" });
    expect(followed.status).toBe(302);
    expect(followed.headers.get("Location")).toBe(`/councils/${CODE}`);
    expect(followed.headers.get("Set-Cookie")).toBeTruthy();
    expect(await counts(email)).toEqual({ follows: 1, audits: before.audits + 1 });
    expect(await followState(email)).toEqual({ canFollow: "yes", following: true });

    // Twice is refused as a conflict, and writes nothing.
    const again = await post(email, { intent: "follow" });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { errors: Record<string, string[]> }).errors).toEqual({ form: ["You already follow this"] });
    expect(await counts(email)).toEqual({ follows: 1, audits: before.audits + 1 });

    const stopped = await post(email, { intent: "unfollow" });
    expect(stopped.status).toBe(302);
    expect(await counts(email)).toEqual({ follows: 0, audits: before.audits + 2 });
    expect(await followState(email)).toEqual({ canFollow: "yes", following: false });

    const stoppedAgain = await post(email, { intent: "unfollow" });
    expect(stoppedAgain.status).toBe(404);
    expect(await counts(email)).toEqual({ follows: 0, audits: before.audits + 2 });
  });

  it("a buyer who follows a council is told of its news like a supplier", async () => {
    const { prisma } = await import("~/utils/db.server");
    const { notifyFollowers } = await import("~/models/follows.server");
    expect((await post(DEMO.buyerB, { intent: "follow" })).status).toBe(302);
    const told = await notifyFollowers("council", {
      subjectId: leedsId,
      itemKey: "test:council-follow",
      message: "New forward plan from Leeds City Council: test",
      path: "/pipeline",
    });
    expect(told).toBe(1);
    const buyer = await prisma.user.findUniqueOrThrow({ where: { email: DEMO.buyerB } });
    expect(
      await prisma.notification.count({ where: { userId: buyer.id, message: "New forward plan from Leeds City Council: test" } }),
    ).toBe(1);
    expect((await post(DEMO.buyerB, { intent: "unfollow" })).status).toBe(302);
  });

  it("refuses admins (403) and signed-out visitors (sign in), offering neither a button", async () => {
    const { prisma } = await import("~/utils/db.server");
    const auditsBefore = await prisma.auditEvent.count({ where: { action: "follow.created" } });
    expect(await followState(DEMO.admin)).toEqual({ canFollow: "no", following: false });
    expect((await post(DEMO.admin, { intent: "follow" })).status).toBe(403);
    expect(await followState(null)).toEqual({ canFollow: "signed-out", following: false });
    const anonymous = await post(null, { intent: "follow" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login\?redirectTo=/);
    expect(await prisma.follow.count({ where: { subjectId: leedsId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { action: "follow.created" } })).toBe(auditsBefore);
  });

  it("answers a made-up intent with 400 and an unknown council with 404, writing nothing", async () => {
    const { prisma } = await import("~/utils/db.server");
    const before = await counts(DEMO.supplierA);
    const bad = await post(DEMO.supplierA, { intent: "subscribe" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string[]> }).errors.intent).toEqual(["Choose whether to follow this council"]);
    expect((await post(DEMO.supplierA, { intent: "follow" }, "ZZZZ")).status).toBe(404);
    expect((await post(DEMO.supplierA, { intent: "follow" }, "../x")).status).toBe(404);
    expect(await counts(DEMO.supplierA)).toEqual(before);
    expect(await prisma.follow.count({ where: { subjectId: leedsId } })).toBe(0);
  });
});
