// Demo accounts for local use only: the seed creates them, and the tests and the
// README read them from here so everyone uses the same data. Never seed these into
// a public deployment.
export const DEMO_PASSWORD = "Council-Marketplace-2026";

export type DemoAccount = {
  email: string;
  password: string;
  role: "admin" | "buyer" | "supplier";
  name: string;
  /** mySociety code of the buyer's council. */
  councilCode?: string;
  /** Slug of the supplier organisation the user belongs to. */
  supplierSlug?: string;
  /** Roles held as well as `role` (a council approver is a buyer who may also approve). */
  alsoRoles?: readonly ("approver" | "council_lead")[];
};

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@councilmarketplace.example", password: DEMO_PASSWORD, role: "admin", name: "Ada Admin" },
  { email: "buyer@brighton-hove.gov.uk", password: DEMO_PASSWORD, role: "buyer", name: "Priya Patel", councilCode: "BNH" },
  // A second Brighton and Hove officer who approves budgets and award decisions (four eyes, issue 13).
  {
    email: "approver@brighton-hove.gov.uk",
    password: DEMO_PASSWORD,
    role: "buyer",
    // Also Brighton and Hove's council lead, who grants the approver role at /account/team (issue 15).
    alsoRoles: ["approver", "council_lead"],
    name: "Marcus Reid",
    councilCode: "BNH",
  },
  { email: "buyer@leeds.gov.uk", password: DEMO_PASSWORD, role: "buyer", name: "Tom Hughes", councilCode: "LDS" },
  {
    email: "supplier@kestrel-civic.example",
    password: DEMO_PASSWORD,
    role: "supplier",
    name: "Hannah Fletcher",
    supplierSlug: "kestrel-civic-software",
  },
  {
    email: "supplier@brightwater-digital.example",
    password: DEMO_PASSWORD,
    role: "supplier",
    name: "Owain Parry",
    supplierSlug: "brightwater-digital",
  },
];

/** Public-sector e-mail domains that may register as buyers for the demo councils. */
export const DEMO_COUNCIL_DOMAINS: readonly { domain: string; councilCode: string }[] = [
  { domain: "brighton-hove.gov.uk", councilCode: "BNH" },
  { domain: "leeds.gov.uk", councilCode: "LDS" },
];
