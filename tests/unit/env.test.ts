import { afterEach, describe, expect, it, vi } from "vitest";

const original = { ...process.env };

afterEach(() => {
  process.env = { ...original };
  vi.resetModules();
});

describe("environment validation at start-up", () => {
  it("refuses to start in production without a strong SESSION_SECRET", async () => {
    process.env.NODE_ENV = "production";
    delete process.env.SESSION_SECRET;
    const { getEnv } = await import("~/utils/env.server");
    expect(() => getEnv()).toThrow(/SESSION_SECRET must be set to at least 32 random characters/);
  });

  it("refuses a short secret and a malformed DATABASE_URL", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "short";
    process.env.DATABASE_URL = "mysql://nope";
    const { getEnv } = await import("~/utils/env.server");
    expect(() => getEnv()).toThrow(/DATABASE_URL must start with file: \(SQLite\) or postgresql:\/\//);
  });

  it("starts in production with a strong secret", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.DATABASE_URL = "file:./prisma/data/dev.db";
    process.env.PUBLIC_URL = "https://marketplace.example.gov.uk";
    process.env.SMTP_URL = "smtp://portal:secret@smtp.example.gov.uk:587";
    const { getEnv } = await import("~/utils/env.server");
    expect(getEnv().SESSION_SECRET).toHaveLength(40);
  });

  it("refuses to start in production without SMTP_URL (issue 15), and names it", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.PUBLIC_URL = "https://marketplace.example.gov.uk";
    delete process.env.SMTP_URL;
    delete process.env.MAIL_DELIVERY;
    const { getEnv } = await import("~/utils/env.server");
    expect(() => getEnv()).toThrow(/SMTP_URL must be set in production/);
  });

  it("lets a local install's production build keep mail in the outbox when it says so (MAIL_DELIVERY=outbox, written by npm run setup)", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.PUBLIC_URL = "http://localhost:3000";
    delete process.env.SMTP_URL;
    process.env.MAIL_DELIVERY = "outbox";
    const { getEnv } = await import("~/utils/env.server");
    expect(getEnv().MAIL_DELIVERY).toBe("outbox");
  });

  it("refuses an SMTP_URL that is not smtp:// or smtps://", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.PUBLIC_URL = "https://marketplace.example.gov.uk";
    process.env.SMTP_URL = "http://smtp.example.gov.uk";
    const { getEnv } = await import("~/utils/env.server");
    expect(() => getEnv()).toThrow(/SMTP_URL must look like smtp:\/\//);
  });
});
