// Issue 12 findings 8, 15 and 22, as the attacks: production without PUBLIC_URL, bearer
// tokens in production logs, a guessable session secret outside production, and an IPv6
// client rotating addresses inside its /64.
import { afterEach, describe, expect, it, vi } from "vitest";

const original = { ...process.env };

afterEach(() => {
  process.env = { ...original };
  vi.restoreAllMocks();
  vi.resetModules();
});

describe("8: a configured public origin for links in mail", () => {
  it("refuses to start in production without PUBLIC_URL", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    delete process.env.PUBLIC_URL;
    const { getEnv } = await import("~/utils/env.server");
    expect(() => getEnv()).toThrow(/PUBLIC_URL must be set in production/);
  });

  it("uses PUBLIC_URL's origin, and http://localhost:3000 outside production", async () => {
    process.env.NODE_ENV = "production";
    process.env.SESSION_SECRET = "x".repeat(40);
    process.env.PUBLIC_URL = "https://marketplace.example.gov.uk/";
    process.env.SMTP_URL = "smtp://smtp.example.gov.uk:587";
    expect((await import("~/utils/env.server")).publicOrigin()).toBe("https://marketplace.example.gov.uk");
    vi.resetModules();
    process.env.NODE_ENV = "development";
    delete process.env.PUBLIC_URL;
    expect((await import("~/utils/env.server")).publicOrigin()).toBe("http://localhost:3000");
  });
});

// 15 (no bearer tokens in production logs): mail now goes through the queue and the SMTP
// sender, which never log a message's text; tests/data/mail-delivery.test.ts checks it.

describe("22: no constant session secret outside production", () => {
  it("generates a random secret per process (with a warning) when none is set", async () => {
    process.env.NODE_ENV = "development";
    delete process.env.SESSION_SECRET;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const first = (await import("~/utils/env.server")).getEnv().SESSION_SECRET;
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(first).not.toBe("development-only-secret-not-for-production-use");
    expect(warn).toHaveBeenCalled();
    // Another process (fresh environment) gets another secret.
    vi.resetModules();
    delete process.env.SESSION_SECRET;
    const second = (await import("~/utils/env.server")).getEnv().SESSION_SECRET;
    expect(second).not.toBe(first);
  });
});

describe("22: per-IP limits key on the IPv6 /64", () => {
  it("maps addresses in one /64 to one key, and IPv4 (also IPv4-mapped) to itself", async () => {
    const { ipRateKey } = await import("~/utils/http.server");
    expect(ipRateKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(ipRateKey("2001:DB8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(ipRateKey("2001:0db8:0001:0002:ffff::9")).toBe("2001:db8:1:2::/64");
    expect(ipRateKey("[2001:db8:1:2::5]")).toBe("2001:db8:1:2::/64");
    expect(ipRateKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(ipRateKey("2001:db8:1:3::1")).not.toBe(ipRateKey("2001:db8:1:2::1"));
    expect(ipRateKey("::1")).toBe("0:0:0:0::/64");
    expect(ipRateKey("203.0.113.7")).toBe("203.0.113.7");
    expect(ipRateKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });
});
