// Issue 18 item 5: the audit log's "what" filter is a choice of actions by their labels. A chosen
// action matches itself (and its detail after a colon), never a longer code that begins with it;
// an unknown code in the URL is a clear error on the page and in the CSV export, not a 500.
import { describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, cookieFor, DEMO, makeRequest, responseOf } from "../support/session";

useTestDatabase();

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

describe("the audit log's action filter", () => {
  it("matches the chosen action exactly, with its detail, and refuses an unknown one", async () => {
    const prisma = await db();
    const entityId = "audit-filter-test";
    await prisma.auditEvent.createMany({
      data: [
        { action: "user.password-reset", entityType: "user", entityId },
        { action: "user.password-reset-forced", entityType: "user", entityId },
        { action: "product.section-saved:pricing", entityType: "product", entityId },
      ],
    });
    const admin = await cookieFor(DEMO.admin);
    const route = await import("~/routes/admin.audit");
    const load = (query: string) => route.loader({ request: makeRequest(`/admin/audit?${query}`, { cookie: admin }), params: {}, context });

    const reset = await load(`object=${entityId}&what=user.password-reset`);
    expect(reset.errors).toEqual({});
    expect(reset.events.map((e) => e.action)).toEqual(["user.password-reset"]);
    const saved = await load(`object=${entityId}&what=product.section-saved`);
    expect(saved.events.map((e) => e.action)).toEqual(["product.section-saved:pricing"]);
    const any = await load(`object=${entityId}&what=`);
    expect(any.total).toBe(3);

    const unknown = await load("what=user.");
    expect(unknown.errors.what).toEqual(["Select an action from the list"]);
    expect(unknown.events).toEqual([]);

    const csvRoute = await import("~/routes/admin.audit[.]csv");
    const csv = await responseOf(() =>
      csvRoute.loader({ request: makeRequest("/admin/audit.csv?what=login.nonsense", { cookie: admin }), params: {}, context }),
    );
    expect(csv.status).toBe(400);
    expect(await csv.text()).toBe("The filters are not valid: Select an action from the list\n");
  });
});
