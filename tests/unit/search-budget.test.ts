// Issue 12 finding 9: expensive anonymous searches starved the server. Each query now has
// a cost budget (words, length, fuzzy words), and each address a per-worker token bucket.
import { beforeEach, describe, expect, it } from "vitest";
import {
  budgetQuery,
  MAX_FUZZY_TERMS,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  parseSearchParams,
  searchCost,
} from "~/search/search-query.schema";
import {
  resetSearchLimits,
  SEARCH_BURST,
  SEARCH_REFILL_PER_SECOND,
  searchLimitKey,
  takeSearchToken,
} from "~/utils/search-rate-limit.server";

const THIRTY_THREE_WORDS = Array.from({ length: 33 }, (_, i) => `hosuing${i} mangement`.split(" ")[i % 2]).join(" ");

describe("search cost budget", () => {
  it("searches at most MAX_QUERY_TERMS words and MAX_QUERY_LENGTH characters", () => {
    const parsed = parseSearchParams(new URLSearchParams({ q: THIRTY_THREE_WORDS }));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.q.split(" ")).toHaveLength(MAX_QUERY_TERMS);
    expect(budgetQuery(`  housing \t\n  repairs\u0000 `)).toBe("housing repairs");
    expect(budgetQuery("x".repeat(5_000))).toHaveLength(MAX_QUERY_LENGTH);
    expect(budgetQuery(" ".repeat(100_000) + "housing")).toBe("");
  });

  it("charges long misspelt queries more than short ones", () => {
    expect(searchCost("")).toBe(1);
    expect(searchCost("bins")).toBe(1);
    expect(searchCost("housing repairs")).toBe(3);
    expect(searchCost(THIRTY_THREE_WORDS)).toBe(1 + MAX_FUZZY_TERMS);
  });
});

describe("per-IP search limit", () => {
  beforeEach(() => resetSearchLimits());

  it("lets a burst through, then refuses with a wait, even for requests arriving together", async () => {
    const at = 1_000_000;
    const results = await Promise.all(Array.from({ length: 100 }, async () => takeSearchToken("198.51.100.7", 1, at)));
    expect(results.filter((r) => r.ok)).toHaveLength(SEARCH_BURST);
    const refused = results.find((r) => !r.ok);
    expect(refused && !refused.ok && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    // Another address is not affected; the bucket refills with time.
    expect(takeSearchToken("198.51.100.8", 1, at).ok).toBe(true);
    expect(takeSearchToken("198.51.100.7", 1, at + 1_000).ok).toBe(true);
    const refill = Array.from({ length: SEARCH_REFILL_PER_SECOND * 2 }, () => takeSearchToken("198.51.100.7", 1, at + 1_000));
    expect(refill.filter((r) => r.ok).length).toBeLessThanOrEqual(SEARCH_REFILL_PER_SECOND);
  });

  it("counts an IPv6 /64 as one address", () => {
    expect(searchLimitKey("2001:db8:1:2:aaaa::1")).toBe(searchLimitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff"));
    expect(searchLimitKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(searchLimitKey("2001:db8:1:3::1")).not.toBe(searchLimitKey("2001:db8:1:2::1"));
    expect(searchLimitKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    for (let i = 0; i < SEARCH_BURST; i++) takeSearchToken(`2001:db8:5:5::${i.toString(16)}`, 1, 0);
    expect(takeSearchToken("2001:db8:5:5:ffff::1", 1, 0).ok).toBe(false);
  });
});
