// Issue 12 finding 13: weak passwords that passed the old ~150-word list are refused by
// the zxcvbn-ts strength estimator, with a message that says why; good passphrases pass.
import { describe, expect, it } from "vitest";
import { MIN_GUESSES_LOG10, passwordWeakness, withStrongPassword } from "~/auth/password-strength.server";
import { buyerSignupSchema } from "~/models/auth.schema";
import { WEAK_PASSWORDS } from "../support/hostile-inputs";

describe("password strength", () => {
  it.each(WEAK_PASSWORDS)("refuses %s and says why", (password) => {
    const why = passwordWeakness(password, ["buyer@brighton-hove.gov.uk", "Bea Buyer"]);
    expect(why).toMatch(/^Choose a password that is harder to guess: it .+\. Try 3 or more random words/);
  });

  it("says which weakness it found", () => {
    expect(passwordWeakness("P@ssw0rd1234")).toMatch(/commonly used password/);
    expect(passwordWeakness("letmeinletmein")).toMatch(/commonly used password|repeats/);
    expect(passwordWeakness("BeaBuyer2026!", ["bea.buyer@brighton-hove.gov.uk", "Bea Buyer"])).toMatch(/your name, email address/);
    expect(passwordWeakness("Summer2027!!!")).toMatch(/common word with a year/);
  });

  it.each([
    "Council-Marketplace-2026", // the demo accounts' password
    "correct horse battery staple",
    "heather kettle orbit lantern",
    "otter lantern quarry meadow",
    "willow cobble harbour tinsel",
    "a much longer new passphrase",
    "another long passphrase",
    "a long enough passphrase",
  ])("accepts %s", (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });

  it(`asks for at least 10^${MIN_GUESSES_LOG10} guesses; an over-long password is left to the length rule`, () => {
    // How long these take is a benchmark figure (npm run bench -- --only hostile).
    expect(MIN_GUESSES_LOG10).toBeGreaterThanOrEqual(10);
    expect(passwordWeakness("x".repeat(200))).not.toBeNull();
    expect(passwordWeakness("1".repeat(100_000))).toBeNull();
  });

  it("wraps a schema: the weak password gets the message on its own field, the length rule keeps its own", () => {
    const schema = withStrongPassword(buyerSignupSchema, "password");
    const weak = schema.safeParse({
      name: "Bea Buyer",
      email: "bea@brighton-hove.gov.uk",
      password: "Council2026!!",
      confirmPassword: "Council2026!!",
    });
    expect(weak.success).toBe(false);
    expect(!weak.success && weak.error.issues.map((i) => [i.path.join("."), i.message.slice(0, 41)])).toEqual([
      ["password", "Choose a password that is harder to guess"],
    ]);
    const short = schema.safeParse({ name: "Bea Buyer", email: "bea@brighton-hove.gov.uk", password: "short", confirmPassword: "short" });
    expect(!short.success && short.error.issues.map((i) => i.message)).toEqual(["Password must be 12 characters or more"]);
    expect(
      schema.safeParse({
        name: "Bea Buyer",
        email: "bea@brighton-hove.gov.uk",
        password: "heather kettle orbit lantern",
        confirmPassword: "heather kettle orbit lantern",
      }).success,
    ).toBe(true);
  });
});
