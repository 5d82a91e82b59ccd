// Issue 14 item 9: one JSON log line per request from the real server: request id (taken from a
// safe X-Request-Id, else made), method, path without the query, status, duration and the user id
// once signed in; never the password posted or the session cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/test-db";
import { startServer, until, type LogLine, type ServerProcess } from "./server-process";

const PASSWORD = "Council-Marketplace-2026";
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer({ env: { DATABASE_URL: await createTestDatabase() } });
});
afterAll(async () => server?.stop());

async function lineFor(requestId: string): Promise<LogLine | undefined> {
  const found = await until(async () => server.logs.find((l) => l.msg === "request" && l.requestId === requestId), Boolean, 5_000);
  return found.value;
}

describe("request logs", () => {
  it("a sign-in and a signed-in page: one line each with the fields, and no password or cookie anywhere", async () => {
    const page = await fetch(`${server.base}/login`);
    const csrfCookie = (page.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).join("; ");
    const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1];
    const signIn = await fetch(`${server.base}/login?token=query-secret-123`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, "X-Request-Id": "quoted-by-proxy-0001" },
      body: new URLSearchParams({ _csrf: token, email: "buyer@leeds.gov.uk", password: PASSWORD }),
    });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("x-request-id")).toBe("quoted-by-proxy-0001");
    const session = (signIn.headers.getSetCookie() ?? []).map((c) => c.split(";")[0]).find((c) => c.includes("cm_session"))!;
    expect(session).toBeTruthy();

    const post = await lineFor("quoted-by-proxy-0001");
    expect(post).toMatchObject({ level: "info", method: "POST", path: "/login", status: 302 });
    expect(typeof post!.time).toBe("string");
    expect(typeof post!.durationMs).toBe("number");

    const account = await fetch(`${server.base}/account`, {
      headers: { Cookie: `${csrfCookie}; ${session}`, "X-Request-Id": "bad id <script>" },
    });
    expect(account.status).toBe(200);
    const id = account.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/); // the unsafe one was replaced
    const get = await lineFor(id);
    expect(get).toMatchObject({ method: "GET", path: "/account", status: 200 });
    expect(get!.userId).toMatch(/^c[a-z0-9]{20,}$/);

    const everything = server.stdout() + server.stderr();
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(session.split("=")[1]);
    expect(everything).not.toContain("query-secret-123");
  });
});
