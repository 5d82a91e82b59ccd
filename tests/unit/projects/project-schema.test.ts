import { describe, expect, it } from "vitest";
import {
  agreementSlugOf,
  caseStudyBuyingRoute,
  createProjectSchema,
  criteriaSchema,
  describeFilters,
  isDirectAwardRoute,
  maxFrozenResults,
  nestDotted,
  noticesSchema,
  outcomeSchema,
  parseSavedFilters,
  projectDetailsSchema,
  requirementsSchema,
  routeKindOf,
  savedSearchFromParams,
  savedSearchQueryString,
  scoresSchema,
  weightedTotal,
} from "../../../app/models/project.schema";
import { parseWithSchema } from "../../../app/utils/forms";

const errorsOf = (result: { success: boolean; error?: { issues: { path: (string | number)[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("routes", () => {
  it("reads the kind and framework from a guide route id", () => {
    expect(routeKindOf("framework-direct-award-rm1557-15")).toBe("framework-direct-award");
    expect(agreementSlugOf("framework-direct-award-rm1557-15")).toBe("rm1557-15");
    expect(agreementSlugOf("framework-further-competition-rm6285")).toBe("rm6285");
    expect(routeKindOf("open-procedure")).toBe("open-procedure");
    expect(agreementSlugOf("open-procedure")).toBeNull();
    expect(routeKindOf("made-up")).toBeNull();
  });

  it("allows at most 30 frozen results for a direct award, 100 otherwise", () => {
    expect(isDirectAwardRoute("framework-direct-award-rm1557-15")).toBe(true);
    expect(maxFrozenResults("framework-direct-award-rm1557-15")).toBe(30);
    expect(maxFrozenResults("framework-further-competition-rm1557-15")).toBe(100);
    expect(maxFrozenResults("direct-award-schedule-5")).toBe(100);
  });

  it("maps guide routes to the case study vocabulary", () => {
    expect(caseStudyBuyingRoute("framework-direct-award-rm1557-15")).toBe("direct-award");
    expect(caseStudyBuyingRoute("framework-further-competition-rm1043-9")).toBe("further-competition");
    expect(caseStudyBuyingRoute("notifiable-below-threshold")).toBe("below-threshold");
    expect(caseStudyBuyingRoute("competitive-flexible-procedure")).toBe("competitive-flexible");
  });
});

describe("starting a project", () => {
  const answers = {
    category: "cloud-software",
    value: "150000",
    contractMonths: "24",
    startDate: "2026-11-23",
    termsUnchanged: "yes",
    security: "OFFICIAL",
    nation: "England",
  };

  it("needs a name and a route, and converts the value to pence", () => {
    const ok = createProjectSchema.safeParse({ ...answers, title: " Housing repairs ", routeId: "open-procedure" });
    expect(ok.success && ok.data).toMatchObject({
      title: "Housing repairs",
      routeId: "open-procedure",
      valuePence: 15_000_000,
      termsUnchanged: true,
    });
    expect(errorsOf(createProjectSchema.safeParse({ ...answers, title: "", routeId: "" }))).toEqual({
      title: "Enter a name for the project",
      routeId: "Select the buying route you will use",
    });
  });

  it("takes the guide's questions on one page, with a date input", () => {
    const ok = projectDetailsSchema.safeParse({
      ...answers,
      title: "X",
      startDate: undefined,
      "startDate-day": "23",
      "startDate-month": "11",
      "startDate-year": "2026",
    });
    expect(ok.success && ok.data.startDate).toBe("2026-11-23");
    const bad = projectDetailsSchema.safeParse({
      ...answers,
      title: "X",
      "startDate-day": "",
      "startDate-month": "11",
      "startDate-year": "2026",
    });
    expect(errorsOf(bad)).toEqual({ startDate: "Date the procurement starts must include a day" });
  });
});

describe("requirements", () => {
  it("needs requirements; asking for budget approval is optional, and the buyer cannot approve it themselves", () => {
    expect(requirementsSchema.parse({ lockVersion: "2", requirements: "A case system", requestBudgetApproval: "yes" })).toEqual({
      lockVersion: 2,
      requirements: "A case system",
      requestBudgetApproval: true,
    });
    expect(requirementsSchema.parse({ lockVersion: "2", requirements: "A case system", budgetApproved: "yes" })).toEqual({
      lockVersion: 2,
      requirements: "A case system",
      requestBudgetApproval: false,
    });
    expect(errorsOf(requirementsSchema.safeParse({ lockVersion: "2", requirements: "  " }))).toEqual({
      requirements: "Enter your requirements",
    });
  });
});

describe("evaluation criteria", () => {
  const post = (rows: [string, string][], extra: Record<string, string> = {}) => {
    const form: Record<string, string> = { lockVersion: "3", ...extra };
    rows.forEach(([name, weight], i) => {
      form[`criteria.${i}.name`] = name;
      form[`criteria.${i}.weight`] = weight;
      form[`criteria.${i}.description`] = "";
    });
    return parseWithSchema(criteriaSchema, form);
  };

  it("accepts integer weights that sum to 100, ignoring empty rows", () => {
    const result = post([
      ["Quality", "60"],
      ["Price", "40"],
      ["", ""],
    ]);
    expect(result.success && result.data).toEqual({
      lockVersion: 3,
      criteria: [
        { id: undefined, name: "Quality", weight: 60, description: "", position: 0 },
        { id: undefined, name: "Price", weight: 40, description: "", position: 1 },
      ],
    });
  });

  it("refuses weights that do not sum to 100 with a clear message", () => {
    const result = post([
      ["Quality", "50"],
      ["Price", "40"],
    ]);
    expect(result.success).toBe(false);
    expect(!result.success && result.errors.criteria).toEqual(["The weights must add up to 100. At the moment they add up to 90."]);
  });

  it("refuses fractional, zero or missing weights and missing names, row by row", () => {
    const result = post([
      ["Quality", "50.5"],
      ["", "30"],
      ["Support", "0"],
      ["Price", ""],
    ]);
    expect(!result.success && result.errors).toEqual({
      "criteria.0.weight": ["Weight of criterion 1 must be a whole number from 1 to 100"],
      "criteria.1.name": ["Enter a name for criterion 2"],
      "criteria.2.weight": ["Weight of criterion 3 must be a whole number from 1 to 100"],
      "criteria.3.weight": ["Enter a weight for criterion 4"],
    });
  });

  it("needs at least one criterion", () => {
    const result = post([["", ""]]);
    expect(!result.success && result.errors.criteria).toEqual(["Add at least one evaluation criterion"]);
  });

  it("reads react-hook-form's nested values the same way as a plain post", () => {
    const nested = criteriaSchema.safeParse({ lockVersion: 1, criteria: [{ name: "All", weight: "100", description: "" }] });
    expect(nested.success).toBe(true);
    expect(nestDotted({ "a.0.b": "x", "a.1.b": "y", c: "z" })).toEqual({ a: [{ b: "x" }, { b: "y" }], c: "z" });
  });
});

describe("scores", () => {
  it("takes whole scores from 0 to 100; empty means not scored", () => {
    const result = parseWithSchema(scoresSchema, {
      lockVersion: "4",
      "scores.0.entryId": "e1",
      "scores.0.criterionId": "c1",
      "scores.0.score": "0",
      "scores.1.entryId": "e1",
      "scores.1.criterionId": "c2",
      "scores.1.score": "",
      "scores.1.notes": " maybe ",
    });
    expect(result.success && result.data.scores).toEqual([
      { entryId: "e1", criterionId: "c1", score: 0, notes: "" },
      { entryId: "e1", criterionId: "c2", score: null, notes: "maybe" },
    ]);
    const bad = parseWithSchema(scoresSchema, {
      lockVersion: "4",
      "scores.0.entryId": "e",
      "scores.0.criterionId": "c",
      "scores.0.score": "101",
      "scores.0.label": "Price for Acme",
    });
    expect(!bad.success && bad.errors["scores.0.score"]).toEqual(["Score for Price for Acme must be a whole number from 0 to 100"]);
  });

  it("works out weighted totals out of 100 only when every criterion is scored", () => {
    const criteria = [
      { id: "q", weight: 60 },
      { id: "p", weight: 40 },
    ];
    expect(
      weightedTotal(criteria, [
        { criterionId: "q", score: 80 },
        { criterionId: "p", score: 55 },
      ]),
    ).toBe(70);
    expect(
      weightedTotal(criteria, [
        { criterionId: "q", score: 77 },
        { criterionId: "p", score: 33 },
      ]),
    ).toBe(59.4);
    expect(weightedTotal(criteria, [{ criterionId: "q", score: 80 }])).toBeNull();
  });
});

describe("outcome", () => {
  const base = { lockVersion: "5", justification: "Best fit" };
  const award = {
    ...base,
    kind: "awarded",
    entryId: "e1",
    value: "148,000",
    "startDate-day": "5",
    "startDate-month": "1",
    "startDate-year": "2027",
    "endDate-day": "4",
    "endDate-month": "1",
    "endDate-year": "2029",
  };

  it("records an award with its service, value and contract period", () => {
    const result = outcomeSchema.safeParse(award);
    expect(result.success && result.data).toEqual({
      lockVersion: 5,
      kind: "awarded",
      justification: "Best fit",
      entryId: "e1",
      valuePence: 14_800_000,
      startDate: "2027-01-05",
      endDate: "2029-01-04",
    });
  });

  it("needs every award detail, and an end after the start", () => {
    expect(errorsOf(outcomeSchema.safeParse({ ...base, kind: "awarded" }))).toEqual({
      entryId: "Select the shortlisted service you awarded the contract to",
      value: "Enter the value of the contract",
      startDate: "Enter the contract start date",
      endDate: "Enter the contract end date",
    });
    expect(errorsOf(outcomeSchema.safeParse({ ...award, "endDate-year": "2026" }))).toEqual({
      endDate: "Contract end date must be after the start date",
    });
  });

  it("records none suitable or cancelled with reasons only", () => {
    expect(outcomeSchema.parse({ ...base, kind: "cancelled" })).toMatchObject({ kind: "cancelled", entryId: null, valuePence: null });
    expect(errorsOf(outcomeSchema.safeParse({ lockVersion: "5", kind: "none-suitable" }))).toEqual({
      justification: "Enter the reasons for your decision",
    });
    expect(errorsOf(outcomeSchema.safeParse({ lockVersion: "5", kind: "won", justification: "x" }))).toEqual({
      kind: "Select the outcome of the procurement",
    });
  });
});

describe("notices and saved searches", () => {
  it("takes the ticked notice codes", () => {
    expect(noticesSchema.parse({ lockVersion: "1", done: ["UK6", "UK7"] })).toEqual({ lockVersion: 1, done: ["UK6", "UK7"] });
    expect(noticesSchema.parse({ lockVersion: "1" }).done).toEqual([]);
  });

  it("stores a search as its words and product filters, and rebuilds the /search query string", () => {
    const stored = savedSearchFromParams({
      q: "case management",
      type: "products",
      sort: "relevance",
      page: 2,
      pageSize: 20,
      frameworks: "live",
      filters: { framework: ["G-Cloud 15"], size: ["small"] },
    });
    expect(stored).toEqual({
      query: "case management",
      filters: { facets: { framework: ["G-Cloud 15"] }, frameworks: "live", sort: "relevance" },
    });
    const qs = new URLSearchParams(savedSearchQueryString(stored.query, JSON.stringify(stored.filters)));
    expect(qs.get("q")).toBe("case management");
    expect(qs.getAll("framework")).toEqual(["G-Cloud 15"]);
    expect(qs.get("type")).toBe("products");
    expect(describeFilters(JSON.stringify({ facets: { supplierSize: ["small"] }, frameworks: "all", sort: "relevance" }))).toBe(
      "Supplier size: Small; Including products only on expired frameworks",
    );
    expect(parseSavedFilters("not json")).toEqual({ facets: {}, frameworks: "live", sort: "relevance" });
  });
});
