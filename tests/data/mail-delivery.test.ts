// Issue 15 item 1, against a real SMTP server in this process (smtp-server, read back with
// mailparser): the password-reset mail arrives once and its link works once; two queue runners
// started together send each message once, and so does a slow mail server whose batch outlasts
// its lease; with the mail server down the user's action still succeeds, and the message goes
// when the server is back.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { useTestDatabase } from "../support/test-db";
import { context, DEMO, makeRequest, responseOf } from "../support/session";
import { freePort, startSmtp, type TestSmtp } from "../support/smtp";

useTestDatabase();

let ipCounter = 0;
const freshIp = () => `203.0.113.${++ipCounter}`;

async function askForReset(email: string) {
  const route = await import("~/routes/forgot-password");
  return responseOf(() =>
    route.action({ request: makeRequest("/forgot-password", { form: { email } }), params: {}, context: { ...context, ip: freshIp() } }),
  );
}

async function drain(holder?: string) {
  const { drainMailQueue } = await import("~/mail/sender.server");
  return drainMailQueue(holder ? { holder } : {});
}

/** Waits for the sender the commit woke in the background (it never makes the request wait). */
async function settle() {
  const { mailSenderIdle } = await import("~/mail/sender.server");
  await mailSenderIdle();
}

async function db() {
  return (await import("~/utils/db.server")).prisma;
}

const originalSmtp = process.env.SMTP_URL;
afterEach(async () => {
  await settle();
  if (originalSmtp === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = originalSmtp;
});

describe("password reset by real mail", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("arrives once, as text and escaped HTML, from MAIL_FROM, and its link works once", async () => {
    process.env.SMTP_URL = smtp.url();
    process.env.MAIL_FROM = "Council Marketplace <no-reply@marketplace.example.gov.uk>";
    // The sender is woken by the commit; load it as the server does (the scheduler imports it).
    await import("~/mail/sender.server");
    const res = await askForReset(DEMO.buyerB);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/forgot-password?sent=1");
    await settle();
    // A later drain (the scheduler's, another process's) finds nothing left to send.
    expect(await drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const mine = smtp.received.filter((m) => m.to.includes(DEMO.buyerB));
    expect(mine).toHaveLength(1);
    const mail = mine[0];
    expect(mail.user).toBe("portal");
    expect(mail.parsed.from?.value[0]).toMatchObject({ name: "Council Marketplace", address: "no-reply@marketplace.example.gov.uk" });
    expect(mail.parsed.subject).toBe("Reset your Council Marketplace password");
    const text = mail.parsed.text ?? "";
    const link = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text);
    expect(link).not.toBeNull();
    const token = link![1];
    expect(text).toContain("The link works once and expires in 1 hour.");
    expect(String(mail.parsed.html)).toContain(`<a href="http://localhost:3000/reset-password?token=${token}"`);
    expect(String(mail.parsed.html)).toContain('<html lang="en">');

    // Delivered through SMTP, the stored body (with its bearer link) is cleared.
    const row = await (await db()).mailMessage.findFirstOrThrow({ where: { recipient: DEMO.buyerB, template: "password-reset" } });
    expect(row).toMatchObject({ status: "sent", transport: "smtp", attempts: 1, text: "", html: "" });

    const reset = await import("~/routes/reset-password");
    const page = await reset.loader({ request: makeRequest(`/reset-password?token=${token}`), params: {}, context });
    expect(page.live).toBe(true);
    const newPassword = "Leeds-Reset-By-Mail-2026!";
    const form = { token, password: newPassword, confirmPassword: newPassword };
    const done = await responseOf(() =>
      reset.action({ request: makeRequest("/reset-password", { form }), params: {}, context: { ...context, ip: freshIp() } }),
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/login");
    const again = await responseOf(() =>
      reset.action({ request: makeRequest("/reset-password", { form }), params: {}, context: { ...context, ip: freshIp() } }),
    );
    expect(again.status).toBe(400);
    expect(((await again.json()) as { errors: Record<string, string[]> }).errors.token).toEqual([
      "That link has expired or was already used. Ask for a new one.",
    ]);
    const { attemptLogin } = await import("~/auth/sign-in.server");
    expect((await attemptLogin({ email: DEMO.buyerB, password: newPassword, ip: freshIp() })).ok).toBe(true);
  });

  it("HTML escapes what a template is given", async () => {
    const { renderMail } = await import("~/mail/templates");
    const mail = renderMail("account-deactivated", { name: "<script>alert(1)</script>", reason: 'Left the "council" & moved' });
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.html).toContain("Left the &quot;council&quot; &amp; moved");
    expect(mail.text).toContain('Left the "council" & moved');
  });
});

describe("the queue with several runners", () => {
  let smtp: TestSmtp;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await smtp.stop();
  });

  it("sends each message once when two runners start together", async () => {
    process.env.SMTP_URL = smtp.url();
    const { enqueueMail } = await import("~/models/mail.server");
    const prisma = await db();
    const recipients = Array.from({ length: 12 }, (_, i) => `runner.${i}@leeds.gov.uk`);
    await prisma.$transaction(async (tx) => {
      for (const to of recipients)
        await enqueueMail(tx, { to, template: "account-reactivated", data: { name: to, loginLink: "http://localhost:3000/login" } });
    });
    const [a, b] = await Promise.all([drain("runner-a"), drain("runner-b")]);
    expect(a.sent + b.sent).toBe(12);
    const delivered = smtp.received.flatMap((m) => m.to).filter((to) => to.startsWith("runner."));
    expect(delivered.sort()).toEqual([...recipients].sort());
    expect(await prisma.mailMessage.count({ where: { recipient: { in: recipients }, status: "sent", attempts: 1 } })).toBe(12);
  });

  it("queues a dedupe key once", async () => {
    const { enqueueMail } = await import("~/models/mail.server");
    const prisma = await db();
    const data = { name: "Once", loginLink: "http://localhost:3000/login" };
    const first = await enqueueMail(prisma, { to: "once@leeds.gov.uk", template: "account-reactivated", data, dedupeKey: "test:once" });
    const second = await enqueueMail(prisma, { to: "once@leeds.gov.uk", template: "account-reactivated", data, dedupeKey: "test:once" });
    expect(first).toEqual(expect.any(String));
    expect(second).toBeNull();
    expect(await prisma.mailMessage.count({ where: { dedupeKey: "test:once" } })).toBe(1);
    await prisma.mailMessage.delete({ where: { id: first! } });
  });

  it("lets another runner take a message whose runner died holding it, once the lease lapses", async () => {
    process.env.SMTP_URL = smtp.url();
    const { enqueueMail, claimDueMail, MAIL_LEASE_MS } = await import("~/models/mail.server");
    const { advanceClock } = await import("~/utils/clock.server");
    const prisma = await db();
    await enqueueMail(prisma, {
      to: "orphan@leeds.gov.uk",
      template: "account-reactivated",
      data: { name: "Orphan", loginLink: "http://localhost:3000/login" },
    });
    const dead = await claimDueMail("dead-runner");
    expect(dead.map((m) => m.recipient)).toEqual(["orphan@leeds.gov.uk"]);
    expect(await drain("live-runner")).toEqual({ sent: 0, retrying: 0, failed: 0 });
    advanceClock(MAIL_LEASE_MS + 1_000);
    expect(await drain("live-runner")).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received.filter((m) => m.to.includes("orphan@leeds.gov.uk"))).toHaveLength(1);
  });
});

describe("with a slow mail server", () => {
  it("a message whose batch lease lapsed while earlier ones were sent is sent once, by the runner that took it over", async () => {
    const { enqueueMail, MAIL_LEASE_MS } = await import("~/models/mail.server");
    const { advanceClock } = await import("~/utils/clock.server");
    const { SMTPServer } = await import("smtp-server");
    const { simpleParser } = await import("mailparser");
    const prisma = await db();
    const recipients = ["slow.0@leeds.gov.uk", "slow.1@leeds.gov.uk", "slow.2@leeds.gov.uk"];
    const delivered: string[] = [];
    let received = 0;
    const runnerB: { drain?: ReturnType<typeof drain> } = {};
    // Each message takes three quarters of the lease (the fake clock moves on while it is being
    // received): within the lease one by one, but the batch's third lease lapses while the
    // second is sent, and a second runner starts then.
    const server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      authOptional: true,
      logger: false,
      onData(stream, session, callback) {
        void simpleParser(stream).then(async () => {
          delivered.push(...session.envelope.rcptTo.map((r) => r.address));
          received += 1;
          if (received <= 2) advanceClock((MAIL_LEASE_MS * 3) / 4);
          if (received === 2) {
            runnerB.drain = drain("runner-b");
            await runnerB.drain;
          }
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      process.env.SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as { port: number }).port}`;
      await prisma.$transaction(async (tx) => {
        for (const to of recipients)
          await enqueueMail(tx, { to, template: "account-reactivated", data: { name: to, loginLink: "http://localhost:3000/login" } });
      });
      const a = await drain("runner-a");
      const b = await runnerB.drain!;
      expect(a.sent + b.sent).toBe(3);
      expect(b.sent).toBeGreaterThan(0);
      expect(delivered.filter((to) => to.startsWith("slow.")).sort()).toEqual(recipients);
      expect(await prisma.mailMessage.count({ where: { recipient: { in: recipients }, status: "sent" } })).toBe(3);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe("with the mail server down", () => {
  it("the user's action still succeeds, and the message is sent once the server is back", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://portal:s3cret@127.0.0.1:${port}`;
    const prisma = await db();
    await import("~/mail/sender.server");
    const res = await askForReset(DEMO.supplierB);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/forgot-password?sent=1");
    // The woken sender tried and failed; the action had already answered.
    await settle();
    const waiting = await prisma.mailMessage.findFirstOrThrow({ where: { recipient: DEMO.supplierB, template: "password-reset" } });
    expect(waiting).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.lastError).not.toMatch(/token=/);

    const smtp = await startSmtp(port);
    try {
      // Not before its back-off (a minute after the first failure)…
      expect(await drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const { advanceClock } = await import("~/utils/clock.server");
      advanceClock(61_000);
      // …then once.
      expect(await drain()).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const arrived = smtp.received.filter((m) => m.to.includes(DEMO.supplierB));
      expect(arrived).toHaveLength(1);
      expect(arrived[0].parsed.text).toMatch(/reset-password\?token=[A-Za-z0-9_-]{43}/);
      expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
        status: "sent",
        attempts: 2,
        lastError: null,
      });
    } finally {
      await smtp.stop();
    }
  });

  it("gives up after the last attempt, and says so in the outbox", async () => {
    const port = await freePort();
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    const { enqueueMail, MAX_MAIL_ATTEMPTS, retryDelayMs } = await import("~/models/mail.server");
    const { advanceClock } = await import("~/utils/clock.server");
    const prisma = await db();
    const id = await enqueueMail(prisma, {
      to: "never@leeds.gov.uk",
      template: "account-reactivated",
      data: { name: "Never", loginLink: "http://localhost:3000/login" },
    });
    const outcomes = [];
    for (let attempt = 1; attempt <= MAX_MAIL_ATTEMPTS; attempt++) {
      outcomes.push(await drain());
      advanceClock(retryDelayMs(attempt) + 1_000);
    }
    expect(outcomes.filter((o) => o.retrying === 1)).toHaveLength(MAX_MAIL_ATTEMPTS - 1);
    expect(outcomes.at(-1)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "failed",
      attempts: MAX_MAIL_ATTEMPTS,
    });
    expect(await drain()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });
});

describe("without SMTP_URL outside production", () => {
  it("keeps the message in the outbox, marked sent, for admins to read", async () => {
    delete process.env.SMTP_URL;
    const prisma = await db();
    const res = await askForReset(DEMO.supplierA);
    expect(res.status).toBe(302);
    await settle();
    await drain();
    const row = await prisma.mailMessage.findFirstOrThrow({ where: { recipient: DEMO.supplierA, template: "password-reset" } });
    expect(row).toMatchObject({ status: "sent", transport: "outbox" });
    expect(row.text).toMatch(/reset-password\?token=/);
  });
});
