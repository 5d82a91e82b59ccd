// Pipeline and opportunities (issue 16 item 5): a council buyer publishes a forward plan, changes
// or withdraws it (conditional on the revision they saw, audited), links it to one of the
// council's own buying projects; suppliers following its service area or council are told, in
// the portal and by email (read from an in-process SMTP server). Through the routes.
import { beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

type Mod = {
  loader?: (a: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
  action?: (a: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
};

const ROUTES = {
  list: () => import("~/routes/pipeline._index"),
  add: () => import("~/routes/pipeline.new"),
  entry: () => import("~/routes/pipeline.$id._index"),
  edit: () => import("~/routes/pipeline.$id.edit"),
} as const;

async function get(route: keyof typeof ROUTES, path: string, cookie?: string, params: Record<string, string> = {}) {
  const mod = (await ROUTES[route]()) as Mod;
  return responseOf(() => mod.loader!({ request: makeRequest(path, { cookie }), params, context }));
}

async function post(
  route: keyof typeof ROUTES,
  path: string,
  cookie: string | undefined,
  form: Record<string, string>,
  params: Record<string, string> = {},
) {
  const mod = (await ROUTES[route]()) as Mod;
  const request = cookie ? makeRequest(path, { cookie, form }) : makeRequest(path, { form });
  return responseOf(() => mod.action!({ request, params, context }));
}

const json = async <T = any>(res: Response) => (await res.json()) as T;

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

let buyerA = "";
let buyerB = "";
let supplierA = "";
let supplierB = "";

const PLAN = {
  title: "Parking permits platform",
  description: "Residents' and visitors' permits, online",
  serviceArea: "parking-and-transport",
  cpvCodes: "48000000|72000000",
  expectedStartMonth: "4",
  expectedStartYear: "2027",
  estimatedValue: "£1,250,000.50",
  routeConsidered: "framework-further-competition",
  contactName: "Alex Officer",
  contactEmail: "alex.officer@brighton-hove.gov.uk",
};

let serviceAreaSlug = PLAN.serviceArea;

beforeAll(async () => {
  [buyerA, buyerB, supplierA, supplierB] = await Promise.all([
    cookieFor(DEMO.buyerA),
    cookieFor(DEMO.buyerB),
    cookieFor(DEMO.supplierA),
    cookieFor(DEMO.supplierB),
  ]);
  // A service area nobody follows in the seed, so the followers below are the only ones.
  const p = await db();
  const area = await p.serviceArea.upsert({
    where: { slug: "parking-and-transport" },
    create: { slug: "parking-and-transport", name: "Parking and transport" },
    update: {},
  });
  serviceAreaSlug = area.slug;
});

async function publish(cookie: string, form: Record<string, string> = PLAN) {
  const res = await post("add", "/pipeline/new", cookie, form);
  return res;
}

function idFrom(res: Response): string {
  const location = res.headers.get("Location") ?? "";
  const match = /^\/pipeline\/([^/?]+)/.exec(location);
  if (!match) throw new Error(`not a redirect to an entry: ${res.status} ${location}`);
  return match[1];
}

describe("publishing a forward plan", () => {
  it("stores what the council typed (pounds as pence, the month as its first day) and lists it with its filters", async () => {
    const res = await publish(buyerA);
    expect(res.status).toBe(302);
    const id = idFrom(res);
    const p = await db();
    const row = await p.pipelineEntry.findUniqueOrThrow({ where: { id }, include: { council: true, serviceArea: true } });
    expect(row.council?.code).toBe("BNH");
    expect(row.source).toBe("council");
    expect(row.stage).toBe("planned");
    expect(row.estimatedValuePence).toBe(125_000_050n);
    expect(row.expectedDate?.toISOString()).toBe("2027-04-01T00:00:00.000Z");
    expect(JSON.parse(row.cpvCodes)).toEqual(["48000000", "72000000"]);
    expect(row.serviceArea?.slug).toBe(serviceAreaSlug);
    expect([row.contactName, row.contactEmail]).toEqual(["Alex Officer", "alex.officer@brighton-hove.gov.uk"]);
    const audit = await p.auditEvent.findFirstOrThrow({ where: { entityType: "pipeline", entityId: id, action: "pipeline.published" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ title: PLAN.title, estimatedValuePence: 125_000_050, expectedDate: "2027-04" });

    const titles = async (query: string) =>
      (await json<{ entries: { id: string; title: string }[] }>(await get("list", `/pipeline?${query}`))).entries.map((e) => e.id);
    expect(await titles(`serviceArea=${serviceAreaSlug}`)).toContain(id);
    expect(await titles(`serviceArea=${serviceAreaSlug}&region=South+East&councilType=UA`)).toContain(id);
    expect(await titles(`serviceArea=${serviceAreaSlug}&startFrom=2027-04&startTo=2027-04&value=1m-5m`)).toContain(id);
    expect(await titles(`serviceArea=${serviceAreaSlug}&region=Yorkshire+and+The+Humber`)).not.toContain(id);
    expect(await titles(`serviceArea=${serviceAreaSlug}&startFrom=2027-05`)).not.toContain(id);
    expect(await titles(`serviceArea=${serviceAreaSlug}&value=250k-1m`)).not.toContain(id);

    const page = await json(await get("entry", `/pipeline/${id}`, undefined, { id }));
    expect(page.entry.title).toBe(PLAN.title);
    expect(page.entry.project).toBeNull();
  });

  it("refuses bad input with the GOV.UK messages, keeps the values and writes nothing", async () => {
    const p = await db();
    const before = await p.pipelineEntry.count();
    const res = await publish(buyerA, {
      ...PLAN,
      title: "",
      expectedStartMonth: "13",
      estimatedValue: "lots",
      contactEmail: "not-an-address",
      routeConsidered: "whatever-is-cheapest",
    });
    expect(res.status).toBe(400);
    const body = await json<{ errors: Record<string, string[]>; values: Record<string, string> }>(res);
    expect(Object.keys(body.errors).sort()).toEqual(["contactEmail", "estimatedValue", "expectedStartMonth", "routeConsidered", "title"]);
    expect(body.errors.expectedStartMonth[0]).toBe("Expected start must include a month from 1 to 12");
    expect(body.values.description).toBe(PLAN.description);
    const past = await publish(buyerA, { ...PLAN, expectedStartYear: "2025" });
    expect(past.status).toBe(400);
    expect((await json(past)).errors.expectedStartMonth).toEqual(["Expected start must be this month or later"]);
    const unknownArea = await publish(buyerA, { ...PLAN, serviceArea: "no-such-area" });
    expect((await json(unknownArea)).errors.serviceArea).toEqual(["Choose a service area the portal lists"]);
    expect(await p.pipelineEntry.count()).toBe(before);
  });

  it("is for council buyers only", async () => {
    expect((await publish(supplierA)).status).toBe(403);
    const anonymous = await post("add", "/pipeline/new", undefined, PLAN);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});

describe("changing and withdrawing", () => {
  it("changes a plan on the revision the buyer saw; a stale revision is a conflict; another council cannot", async () => {
    const id = idFrom(await publish(buyerA));
    const edit = await json(await get("edit", `/pipeline/${id}/edit`, buyerA, { id }));
    expect(edit.revision).toBe(1);
    expect(edit.values).toMatchObject({ expectedStartMonth: "4", expectedStartYear: "2027", estimatedValue: "1250000.5" });

    expect((await get("edit", `/pipeline/${id}/edit`, buyerB, { id })).status).toBe(403);
    expect((await post("edit", `/pipeline/${id}/edit`, buyerB, { ...PLAN, revision: "1" }, { id })).status).toBe(403);
    expect((await post("edit", `/pipeline/${id}/edit`, supplierA, { ...PLAN, revision: "1" }, { id })).status).toBe(403);

    const changed = await post("edit", `/pipeline/${id}/edit`, buyerA, { ...PLAN, estimatedValue: "900000", revision: "1" }, { id });
    expect(changed.status).toBe(302);
    const p = await db();
    const row = await p.pipelineEntry.findUniqueOrThrow({ where: { id } });
    expect([row.revision, row.estimatedValuePence]).toEqual([2, 90_000_000n]);
    const audit = await p.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "pipeline.revised" } });
    expect(JSON.parse(audit.before!).estimatedValuePence).toBe(125_000_050);
    expect(JSON.parse(audit.after!).estimatedValuePence).toBe(90_000_000);

    // Someone else's change landed first: the buyer's form still says revision 1.
    const stale = await post("edit", `/pipeline/${id}/edit`, buyerA, { ...PLAN, title: "Overwritten", revision: "1" }, { id });
    expect(stale.status).toBe(409);
    expect((await p.pipelineEntry.findUniqueOrThrow({ where: { id } })).title).toBe(PLAN.title);
  });

  it("withdraws with a reason: off the list, its page says so, a second withdrawal is a conflict", async () => {
    const id = idFrom(await publish(buyerA));
    const noReason = await post("edit", `/pipeline/${id}/edit?intent=withdraw`, buyerA, { revision: "1", reason: "" }, { id });
    expect(noReason.status).toBe(400);
    expect((await json(noReason)).errors.reason).toEqual(["Enter why the plan is withdrawn"]);
    expect((await post("edit", `/pipeline/${id}/edit?intent=withdraw`, buyerB, { revision: "1", reason: "x" }, { id })).status).toBe(403);

    const done = await post(
      "edit",
      `/pipeline/${id}/edit?intent=withdraw`,
      buyerA,
      { revision: "1", reason: "Budget moved to next year" },
      { id },
    );
    expect(done.status).toBe(302);
    const p = await db();
    const row = await p.pipelineEntry.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("withdrawn");
    expect(row.withdrawnAt).not.toBeNull();
    const audit = await p.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "pipeline.withdrawn" } });
    expect(JSON.parse(audit.after!)).toMatchObject({ status: "withdrawn", reason: "Budget moved to next year" });

    const list = await json<{ entries: { id: string }[] }>(await get("list", `/pipeline?serviceArea=${serviceAreaSlug}`));
    expect(list.entries.map((e) => e.id)).not.toContain(id);
    const page = await json(await get("entry", `/pipeline/${id}`, undefined, { id }));
    expect(page.entry.status).toBe("withdrawn");

    const again = await post("edit", `/pipeline/${id}/edit?intent=withdraw`, buyerA, { revision: "2", reason: "Again" }, { id });
    expect(again.status).toBe(409);
  });

  it("refuses to change an imported notice's entry", async () => {
    const p = await db();
    const bnh = await p.council.findUniqueOrThrow({ where: { code: "BNH" } });
    const imported = await p.pipelineEntry.create({
      data: {
        councilId: bnh.id,
        buyerName: bnh.officialName,
        stage: "planned",
        title: "Imported planning notice",
        source: "ocds",
        sourceKey: "ocds:ocds-test-pipeline-1",
        ocid: "ocds-test-pipeline-1",
      },
    });
    const res = await post("edit", `/pipeline/${imported.id}/edit`, buyerA, { ...PLAN, revision: "1" }, { id: imported.id });
    expect(res.status).toBe(422);
    expect((await p.pipelineEntry.findUniqueOrThrow({ where: { id: imported.id } })).title).toBe("Imported planning notice");
  });
});

describe("linking a buying project", () => {
  async function project(code: string, title: string) {
    const p = await db();
    const council = await p.council.findUniqueOrThrow({ where: { code } });
    return p.buyingProject.create({
      data: {
        councilId: council.id,
        title,
        category: "cloud-software",
        estimatedValuePence: 90_000_000n,
        contractMonths: 36,
        procurementStart: new Date("2027-04-01"),
        nation: "England",
        routeId: "framework-further-competition-rm1557-15",
      },
    });
  }

  it("links the plan to one of the council's own projects and shows its status; another council's project is refused", async () => {
    const id = idFrom(await publish(buyerA));
    const own = await project("BNH", "Parking permits procurement");
    const leeds = await project("LDS", "Leeds parking project");

    const offered = await json(await get("entry", `/pipeline/${id}`, buyerA, { id }));
    expect(offered.projects.map((x: { id: string }) => x.id)).toContain(own.id);
    expect(offered.projects.map((x: { id: string }) => x.id)).not.toContain(leeds.id);

    const refused = await post("entry", `/pipeline/${id}`, buyerA, { revision: "1", projectId: leeds.id }, { id });
    expect(refused.status).toBe(400);
    expect((await json(refused)).errors.projectId).toEqual(["Choose one of your council's projects"]);
    expect((await post("entry", `/pipeline/${id}`, buyerB, { revision: "1", projectId: leeds.id }, { id })).status).toBe(403);
    expect((await post("entry", `/pipeline/${id}`, supplierB, { revision: "1", projectId: own.id }, { id })).status).toBe(403);

    const linked = await post("entry", `/pipeline/${id}`, buyerA, { revision: "1", projectId: own.id }, { id });
    expect(linked.status).toBe(302);
    const p = await db();
    expect((await p.pipelineEntry.findUniqueOrThrow({ where: { id } })).projectId).toBe(own.id);
    expect(await p.auditEvent.count({ where: { entityId: id, action: "pipeline.project-linked" } })).toBe(1);

    const mine = await json(await get("entry", `/pipeline/${id}`, buyerA, { id }));
    expect(mine.entry.project).toEqual({ id: own.id, title: "Parking permits procurement", status: "open" });
    // Everyone else sees that a project started and its status, not the council's project title.
    const theirs = await json(await get("entry", `/pipeline/${id}`, supplierA, { id }));
    expect(theirs.entry.project).toEqual({ id: own.id, title: null, status: "open" });
    await p.buyingProject.update({ where: { id: own.id }, data: { status: "awarded" } });
    expect((await json(await get("entry", `/pipeline/${id}`, undefined, { id }))).entry.project.status).toBe("awarded");

    const stale = await post("entry", `/pipeline/${id}`, buyerA, { revision: "1", projectId: own.id }, { id });
    expect(stale.status).toBe(409);
  });
});

describe("followers", () => {
  it("suppliers following the service area or the council are told once each, in the portal and by email over SMTP", async () => {
    const { SMTPServer } = await import("smtp-server");
    const { simpleParser } = await import("mailparser");
    const received: { to: string; subject: string; text: string }[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((r) => r.address).join(","),
              subject: parsed.subject ?? "",
              text: parsed.text ?? "",
            });
            callback();
          })
          .catch(callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.server.address() as { port: number }).port;
    const p = await db();
    const { follow } = await import("~/models/follows.server");
    const [kestrel, brightwater] = await Promise.all([
      p.user.findUniqueOrThrow({ where: { email: DEMO.supplierA } }),
      p.user.findUniqueOrThrow({ where: { email: DEMO.supplierB } }),
    ]);
    const area = await p.serviceArea.findUniqueOrThrow({ where: { slug: serviceAreaSlug } });
    const bnh = await p.council.findUniqueOrThrow({ where: { code: "BNH" } });
    const lds = await p.council.findUniqueOrThrow({ where: { code: "LDS" } });
    // Kestrel follows the service area and the council (told once); Brightwater only Leeds (not told).
    for (const [userId, kind, subjectId] of [
      [kestrel.id, "service-area", area.id],
      [kestrel.id, "council", bnh.id],
      [brightwater.id, "council", lds.id],
    ] as const) {
      const r = await follow({ id: userId }, kind, subjectId);
      expect(r.ok || (!r.ok && r.failure.kind === "conflict")).toBe(true);
    }
    const { drainMailQueue, mailSenderIdle } = await import("~/mail/sender.server");
    await mailSenderIdle();
    await drainMailQueue();
    received.length = 0;
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    try {
      const id = idFrom(await publish(buyerA, { ...PLAN, title: "Pay and display machines" }));
      const notes = await p.notification.findMany({ where: { link: `/pipeline/${id}` } });
      expect(notes.map((n) => [n.userId, n.message])).toEqual([
        [kestrel.id, "New forward plan from Brighton and Hove: Pay and display machines"],
      ]);
      await mailSenderIdle();
      await drainMailQueue();
      const mails = received.filter((m) => m.subject.includes("Pay and display machines"));
      expect(mails.map((m) => [m.to, m.subject])).toEqual([
        [DEMO.supplierA, "New forward plan from Brighton and Hove: Pay and display machines"],
      ]);
      expect(mails[0].text).toContain(`/pipeline/${id}`);
      expect(mails[0].text).toMatch(/\/unsubscribe\/follow\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}/);

      // The supplier's notifications page lists it.
      const notifications = (await import("~/routes/account_.notifications")) as Mod;
      const page = await responseOf(() =>
        notifications.loader!({ request: makeRequest("/account/notifications", { cookie: supplierA }), params: {}, context }),
      );
      expect(JSON.stringify(await page.json())).toContain("New forward plan from Brighton and Hove: Pay and display machines");

      // A change to the plan tells nobody again.
      const before = await p.notification.count();
      await post(
        "edit",
        `/pipeline/${id}/edit`,
        buyerA,
        { ...PLAN, title: "Pay and display machines", description: "Changed", revision: "1" },
        { id },
      );
      expect(await p.notification.count()).toBe(before);
    } finally {
      delete process.env.SMTP_URL;
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it("a plan whose followers were never told (its process stopped after the commit) is told by the follow job, once", async () => {
    const p = await db();
    const { follow } = await import("~/models/follows.server");
    const { runFollowNews } = await import("~/jobs/alerts.server");
    const { now } = await import("~/utils/clock.server");
    const brightwater = await p.user.findUniqueOrThrow({ where: { email: DEMO.supplierB } });
    const area = await p.serviceArea.findUniqueOrThrow({ where: { slug: serviceAreaSlug } });
    const r = await follow({ id: brightwater.id }, "service-area", area.id);
    expect(r.ok || (!r.ok && r.failure.kind === "conflict")).toBe(true);

    const since = new Date(now().getTime() - 1_000);
    const id = idFrom(await publish(buyerA, { ...PLAN, title: "Residents' parking permits" }));
    const key = `follow:pipeline:${id}:user:${brightwater.id}`;
    expect(await p.notification.count({ where: { dedupeKey: key } })).toBe(1);
    // The process that published it stopped before telling anyone: nothing was written for them.
    await p.mailMessage.deleteMany({ where: { dedupeKey: key } });
    await p.notification.deleteMany({ where: { link: `/pipeline/${id}` } });

    const at = new Date(now().getTime() + 3_600_000);
    const first = await runFollowNews(at, since);
    expect(first.pipelineEntries).toBeGreaterThanOrEqual(1);
    const notes = await p.notification.findMany({ where: { link: `/pipeline/${id}` } });
    expect(notes.map((n) => [n.userId, n.message])).toContainEqual([
      brightwater.id,
      "New forward plan from Brighton and Hove: Residents' parking permits",
    ]);
    expect(await p.mailMessage.count({ where: { dedupeKey: key } })).toBe(1);
    // A second run over the same window tells nobody again and queues no mail.
    const [notesAfterFirst, mailAfterFirst] = [await p.notification.count(), await p.mailMessage.count()];
    await runFollowNews(at, since);
    expect([await p.notification.count(), await p.mailMessage.count()]).toEqual([notesAfterFirst, mailAfterFirst]);
  });
});
