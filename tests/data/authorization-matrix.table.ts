// Rows of the authorisation matrix (tests/data/authorization-matrix.test.ts) and the status
// each role must get. "login" = redirected to sign in. Roles A own the fixture objects
// (buyer A: Brighton and Hove's project and case study; supplier A: Kestrel's listing);
// roles B are the other council or supplier. Documented in docs/security.md.
// buyerUnconfirmed: a buyer at council A (Brighton and Hove) who has not confirmed their email
// address yet (anyone can sign up with a made-up mailbox at a council's domain): no council-private data.
export const ROLES = ["anonymous", "buyerA", "buyerB", "supplierA", "supplierB", "admin", "buyerUnconfirmed"] as const;
export const UNCONFIRMED_BUYER_EMAIL = "unconfirmed.officer@brighton-hove.gov.uk";
export type Role = (typeof ROLES)[number];

export interface Fixtures {
  productId: string;
  versionId: string;
  projectId: string;
  frozenFile: string;
  caseStudySlug: string;
  supplierCaseStudySlug: string;
}

type Spec = {
  path: (f: Fixtures) => string;
  params: (f: Fixtures) => Record<string, string>;
  form?: (f: Fixtures) => Record<string, string>;
};

const page = (p: string): Spec => ({ path: () => p, params: () => ({}) });

export const ROUTES: Record<string, Spec> = {
  $: { path: () => "/no-such-page", params: () => ({ "*": "no-such-page" }) },
  _index: page("/"),
  account: page("/account"),
  "account_.alerts._index": page("/account/alerts"),
  "account_.alerts.new": page("/account/alerts/new?q=housing"),
  // Nobody's saved search: a 404 for everyone (owners' and others' are in tests/data/alerts.test.ts).
  "account_.alerts.$id": { path: () => "/account/alerts/no-such-alert", params: () => ({ id: "no-such-alert" }) },
  "account_.follows": page("/account/follows"),
  "account_.notifications": page("/account/notifications"),
  admin: page("/admin/awards"),
  "admin._index": page("/admin"),
  "admin.awards": page("/admin/awards"),
  "admin.audit": page("/admin/audit?who=admin"),
  "admin.audit[.]csv": page("/admin/audit.csv?what=login.failed"),
  "admin.outbox": page("/admin/outbox"),
  // Nobody's message: 404 for the admin, refused for everyone else.
  "admin.outbox.$id": { path: () => "/admin/outbox/no-such-message", params: () => ({ id: "no-such-message" }) },
  "admin.users.$id": { path: () => "/admin/users/no-such-user", params: () => ({ id: "no-such-user" }) },
  "admin.council-domains": page("/admin/council-domains"),
  "admin.case-studies.$slug": { path: (f) => `/admin/case-studies/${f.caseStudySlug}`, params: (f) => ({ slug: f.caseStudySlug }) },
  "admin.case-studies._index": page("/admin/case-studies"),
  "admin.moderation.$versionId": { path: (f) => `/admin/moderation/${f.versionId}`, params: (f) => ({ versionId: f.versionId }) },
  "admin.moderation._index": page("/admin/moderation"),
  "admin.service-areas": page("/admin/service-areas"),
  "admin.suppliers": page("/admin/suppliers"),
  "admin.users": page("/admin/users"),
  "api.search": page("/api/search?q=housing"),
  "buy.$step": { path: () => "/buy/category", params: () => ({ step: "category" }) },
  "buy.check": page("/buy/check"),
  "buy.result": page("/buy/result"),
  "case-studies.$slug._index": { path: (f) => `/case-studies/${f.caseStudySlug}`, params: (f) => ({ slug: f.caseStudySlug }) },
  "case-studies.$slug.edit": { path: (f) => `/case-studies/${f.caseStudySlug}/edit`, params: (f) => ({ slug: f.caseStudySlug }) },
  "case-studies._index": page("/case-studies"),
  "case-studies.new": page("/case-studies/new"),
  // Contracts register (issue 16): the seeded private contract is Brighton and Hove's (buyer A's council).
  "contracts._index": page("/contracts"),
  "contracts.$id": { path: () => "/contracts/seedprivatebnh000001", params: () => ({ id: "seedprivatebnh000001" }) },
  "contracts.new": page("/contracts/new"),
  "contracts.upload": page("/contracts/upload"),
  "contracts.upload.template[.]csv": page("/contracts/upload/template.csv"),
  "contracts[.]csv": page("/contracts.csv"),
  "contracts[.]json": page("/contracts.json"),
  radar: page("/radar"),
  // Forward plans (issue 16 item 5): the seeded plan is Brighton and Hove's (buyer A's council), public to all.
  "pipeline._index": page("/pipeline"),
  "pipeline.new": page("/pipeline/new"),
  "pipeline.$id._index": { path: () => "/pipeline/seedpipelinebnh00001", params: () => ({ id: "seedpipelinebnh00001" }) },
  "pipeline.$id.edit": { path: () => "/pipeline/seedpipelinebnh00001/edit", params: () => ({ id: "seedpipelinebnh00001" }) },
  "councils.$code": { path: () => "/councils/BNH", params: () => ({ code: "BNH" }) },
  "councils.$code_.peers": { path: () => "/councils/BNH/peers", params: () => ({ code: "BNH" }) },
  "frameworks.$number": { path: () => "/frameworks/RM1557.15", params: () => ({ number: "RM1557.15" }) },
  "forgot-password": page("/forgot-password"),
  "frameworks._index": page("/frameworks"),
  healthz: page("/healthz"),
  readyz: page("/readyz"),
  "invitations.$token": { path: () => "/invitations/not-a-real-token", params: () => ({ token: "not-a-real-token" }) },
  login: page("/login"),
  logout: page("/logout"),
  "products.$id": { path: (f) => `/products/${f.productId}`, params: (f) => ({ id: f.productId }) },
  // Nobody's document: 404 for everyone (who may read a real one: tests/data/listing-documents.test.ts).
  "documents.$documentId": { path: () => "/documents/nosuchdocument", params: () => ({ documentId: "nosuchdocument" }) },
  // The layout of a project's pages (header and sections): authorises like the pages under it.
  "projects.$id": { path: (f) => `/projects/${f.projectId}`, params: (f) => ({ id: f.projectId }) },
  "projects.$id._index": { path: (f) => `/projects/${f.projectId}`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.approvals": { path: (f) => `/projects/${f.projectId}/approvals`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.evaluation": { path: (f) => `/projects/${f.projectId}/evaluation`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.freeze": { path: (f) => `/projects/${f.projectId}/freeze`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.frozen.$file": {
    path: (f) => `/projects/${f.projectId}/frozen/${f.frozenFile}`,
    params: (f) => ({ id: f.projectId, file: f.frozenFile }),
  },
  "projects.$id.history": { path: (f) => `/projects/${f.projectId}/history`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.notices": { path: (f) => `/projects/${f.projectId}/notices`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.ocds[.]json": { path: (f) => `/projects/${f.projectId}/ocds.json`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.outcome": { path: (f) => `/projects/${f.projectId}/outcome`, params: (f) => ({ id: f.projectId }) },
  // Joint buying (issue 16 item 4): the fixture project has no participants, so only the lead reads and writes.
  "projects.$id.participants": { path: (f) => `/projects/${f.projectId}/participants`, params: (f) => ({ id: f.projectId }) },
  // Nobody's invitation: 404 to every buyer, refused to everyone else (the invited council's own: tests/data/joint-buying.test.ts).
  "joint-invitations.$id": { path: () => "/joint-invitations/no-such-invitation", params: () => ({ id: "no-such-invitation" }) },
  "projects.$id_.record": { path: (f) => `/projects/${f.projectId}/record`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.requirements": { path: (f) => `/projects/${f.projectId}/requirements`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.search": { path: (f) => `/projects/${f.projectId}/search?q=housing`, params: (f) => ({ id: f.projectId }) },
  "projects.$id.shortlist": { path: (f) => `/projects/${f.projectId}/shortlist`, params: (f) => ({ id: f.projectId }) },
  "projects._index": page("/projects"),
  "projects.new": page("/projects/new"),
  "projects.save-search": page("/projects/save-search?q=housing"),
  "reset-password": page("/reset-password?token=not-a-real-token"),
  reuse: page("/reuse"),
  search: page("/search?q=housing"),
  signup: page("/signup"),
  "signup_.access-request": page("/signup/access-request"),
  "signup_.access-request.confirm": page("/signup/access-request/confirm?token=not-a-real-token"),
  "admin.access-requests": page("/admin/access-requests"),
  "account_.team": page("/account/team"),
  supplier: page("/supplier/profile"),
  "supplier._index": page("/supplier"),
  "supplier.accreditations": page("/supplier/accreditations"),
  "supplier.awards": page("/supplier/awards"),
  "supplier.case-studies.$slug": {
    path: (f) => `/supplier/case-studies/${f.supplierCaseStudySlug}`,
    params: (f) => ({ slug: f.supplierCaseStudySlug }),
  },
  "supplier.case-studies._index": page("/supplier/case-studies"),
  "supplier.import": page("/supplier/import"),
  "supplier.import.template[.]csv": page("/supplier/import/template.csv"),
  "supplier.listings.$id.$section": {
    path: (f) => `/supplier/listings/${f.productId}/about`,
    params: (f) => ({ id: f.productId, section: "about" }),
  },
  "supplier.listings.$id._index": { path: (f) => `/supplier/listings/${f.productId}`, params: (f) => ({ id: f.productId }) },
  "supplier.listings.$id.documents": {
    path: (f) => `/supplier/listings/${f.productId}/documents`,
    params: (f) => ({ id: f.productId }),
  },
  "supplier.listings.$id.history": { path: (f) => `/supplier/listings/${f.productId}/history`, params: (f) => ({ id: f.productId }) },
  "supplier.listings.$id.preview": { path: (f) => `/supplier/listings/${f.productId}/preview`, params: (f) => ({ id: f.productId }) },
  "supplier.listings.new": page("/supplier/listings/new"),
  "supplier.profile": page("/supplier/profile"),
  "supplier.team": page("/supplier/team"),
  "suppliers.$slug": { path: () => "/suppliers/kestrel-civic-software", params: () => ({ slug: "kestrel-civic-software" }) },
  "suppliers.register": page("/suppliers/register"),
  "verify-email": page("/verify-email"),
  "unsubscribe.$token": { path: () => "/unsubscribe/alert.not-a-real-token", params: () => ({ token: "alert.not-a-real-token" }) },
};

// Filled from a reviewed MATRIX_RECORD run; every 200 for a non-owner was checked by hand.
/** One row: anonymous, buyer A, buyer B, supplier A, supplier B, admin, unconfirmed buyer (of council A). */
function r(...statuses: string[]): Record<Role, string> {
  return Object.fromEntries(ROLES.map((role, i) => [role, statuses[i]])) as Record<Role, string>;
}

export const EXPECTED: Record<string, Partial<Record<"GET" | "POST", Record<Role, string>>>> = {
  $: { GET: r("404", "404", "404", "404", "404", "404", "404") },
  _index: { GET: r("200", "200", "200", "200", "200", "200", "200") },
  account: { GET: r("login", "200", "200", "200", "200", "200", "200"), POST: r("login", "400", "400", "400", "400", "400", "400") },
  "account_.alerts._index": { GET: r("login", "200", "200", "200", "200", "200", "200") },
  "account_.alerts.new": {
    GET: r("login", "200", "200", "200", "200", "200", "200"),
    POST: r("login", "400", "400", "400", "400", "400", "400"),
  },
  "account_.alerts.$id": {
    GET: r("login", "404", "404", "404", "404", "404", "404"),
    POST: r("login", "400", "400", "400", "400", "400", "400"),
  },
  // Whoever may follow (buyers, unconfirmed ones too, and suppliers) sees and stops their follows
  // here, where every follow email links (an empty form is 400); admins follow nothing.
  "account_.follows": {
    GET: r("login", "200", "200", "200", "200", "403", "200"),
    POST: r("login", "400", "400", "400", "400", "403", "400"),
  },
  "account_.notifications": {
    GET: r("login", "200", "200", "200", "200", "200", "200"),
    POST: r("login", "302", "302", "302", "302", "302", "302"),
  },
  admin: { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin._index": { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin.awards": { GET: r("login", "403", "403", "403", "403", "200", "403"), POST: r("login", "403", "403", "403", "403", "400", "403") },
  "admin.audit": { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin.audit[.]csv": { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin.outbox": { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin.outbox.$id": { GET: r("login", "403", "403", "403", "403", "404", "403") },
  "admin.users.$id": {
    GET: r("login", "403", "403", "403", "403", "404", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  "admin.case-studies.$slug": {
    GET: r("login", "403", "403", "403", "403", "200", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  "admin.case-studies._index": { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin.council-domains": {
    GET: r("login", "403", "403", "403", "403", "200", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  "admin.moderation.$versionId": {
    GET: r("login", "403", "403", "403", "403", "200", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  "admin.moderation._index": { GET: r("login", "403", "403", "403", "403", "200", "403") },
  "admin.service-areas": {
    GET: r("login", "403", "403", "403", "403", "200", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  "admin.suppliers": {
    GET: r("login", "403", "403", "403", "403", "200", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  "admin.users": { GET: r("login", "403", "403", "403", "403", "200", "403"), POST: r("login", "403", "403", "403", "403", "400", "403") },
  "api.search": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "buy.$step": { GET: r("200", "200", "200", "200", "200", "200", "200"), POST: r("400", "400", "400", "400", "400", "400", "400") },
  "buy.check": { GET: r("302", "302", "302", "302", "302", "302", "302") },
  "buy.result": { GET: r("302", "302", "302", "302", "302", "302", "302") },
  "case-studies.$slug._index": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "case-studies.$slug.edit": {
    GET: r("login", "200", "404", "403", "403", "403", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "case-studies._index": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "case-studies.new": {
    GET: r("login", "200", "200", "403", "403", "403", "200"),
    POST: r("login", "400", "400", "403", "403", "403", "403"),
  },
  "contracts._index": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  // Private to council A: 404 (not 403) to everyone else, so its existence does not leak.
  "contracts.$id": { GET: r("404", "200", "404", "404", "404", "404", "404") },
  "contracts.new": {
    GET: r("login", "200", "200", "403", "403", "403", "200"),
    POST: r("login", "400", "400", "403", "403", "403", "403"),
  },
  "contracts.upload": {
    GET: r("login", "200", "200", "403", "403", "403", "200"),
    POST: r("login", "400", "400", "403", "403", "403", "403"),
  },
  "contracts.upload.template[.]csv": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "contracts[.]csv": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "contracts[.]json": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  radar: { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "pipeline._index": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "pipeline.new": {
    GET: r("login", "200", "200", "403", "403", "403", "200"),
    POST: r("login", "400", "400", "403", "403", "403", "403"),
  },
  // Public plan: anyone reads it; only its council's confirmed buyers link it to a project or change it.
  "pipeline.$id._index": {
    GET: r("200", "200", "200", "200", "200", "200", "200"),
    POST: r("login", "400", "403", "403", "403", "403", "403"),
  },
  "pipeline.$id.edit": {
    GET: r("login", "200", "403", "403", "403", "403", "403"),
    POST: r("login", "400", "403", "403", "403", "403", "403"),
  },
  // Follow a council (issue 15): suppliers and buyers (an empty form is 400); admins may not.
  "councils.$code": {
    GET: r("200", "200", "200", "200", "200", "200", "200"),
    POST: r("login", "400", "400", "400", "400", "403", "400"),
  },
  "councils.$code_.peers": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "forgot-password": { GET: r("200", "200", "200", "200", "200", "200", "200"), POST: r("400", "400", "400", "400", "400", "400", "400") },
  "frameworks.$number": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "frameworks._index": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  healthz: { GET: r("200", "200", "200", "200", "200", "200", "200") },
  readyz: { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "invitations.$token": {
    GET: r("404", "404", "404", "404", "404", "404", "404"),
    POST: r("400", "400", "400", "400", "400", "400", "400"),
  },
  login: { GET: r("200", "302", "302", "302", "302", "302", "302"), POST: r("400", "400", "400", "400", "400", "400", "400") },
  logout: { GET: r("302", "302", "302", "302", "302", "302", "302"), POST: r("302", "302", "302", "302", "302", "302", "302") },
  "products.$id": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "documents.$documentId": { GET: r("404", "404", "404", "404", "404", "404", "404") },
  "projects.$id": { GET: r("login", "200", "404", "403", "403", "200", "403") },
  "projects.$id._index": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.approvals": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.evaluation": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.freeze": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.frozen.$file": { GET: r("login", "200", "404", "403", "403", "200", "403") },
  "projects.$id.history": { GET: r("login", "200", "404", "403", "403", "200", "403") },
  "projects.$id.notices": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.ocds[.]json": { GET: r("login", "404", "404", "403", "403", "404", "403") },
  "projects.$id.participants": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "joint-invitations.$id": {
    GET: r("login", "404", "404", "403", "403", "404", "403"),
    POST: r("login", "404", "404", "403", "403", "403", "403"),
  },
  "projects.$id.outcome": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id_.record": { GET: r("login", "200", "404", "403", "403", "200", "403") },
  "projects.$id.requirements": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.search": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects.$id.shortlist": {
    GET: r("login", "200", "404", "403", "403", "200", "403"),
    POST: r("login", "400", "404", "403", "403", "403", "403"),
  },
  "projects._index": { GET: r("login", "200", "200", "403", "403", "200", "403") },
  "projects.new": { GET: r("login", "200", "200", "403", "403", "403", "200"), POST: r("login", "400", "400", "403", "403", "403", "403") },
  "projects.save-search": {
    GET: r("login", "200", "200", "403", "403", "403", "403"),
    POST: r("login", "400", "400", "403", "403", "403", "403"),
  },
  "reset-password": { GET: r("200", "200", "200", "200", "200", "200", "200"), POST: r("400", "400", "400", "400", "400", "400", "400") },
  reuse: { GET: r("200", "200", "200", "200", "200", "200", "200") },
  search: { GET: r("200", "200", "200", "200", "200", "200", "200") },
  signup: { GET: r("200", "200", "200", "200", "200", "200", "200"), POST: r("400", "400", "400", "400", "400", "400", "400") },
  "signup_.access-request": {
    GET: r("200", "200", "200", "200", "200", "200", "200"),
    POST: r("400", "400", "400", "400", "400", "400", "400"),
  },
  "signup_.access-request.confirm": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "admin.access-requests": {
    GET: r("login", "403", "403", "403", "403", "200", "403"),
    POST: r("login", "403", "403", "403", "403", "400", "403"),
  },
  // Only a council lead (the seeded Brighton and Hove approver, not buyer A): everyone else 403.
  "account_.team": {
    GET: r("login", "403", "403", "403", "403", "403", "403"),
    POST: r("login", "403", "403", "403", "403", "403", "403"),
  },
  supplier: { GET: r("login", "403", "403", "200", "200", "200", "403") },
  "supplier._index": { GET: r("login", "403", "403", "200", "200", "403", "403") },
  // The organisation comes from the session, not the form: an empty post from a supplier is bad input (400), not "another organisation" (403).
  "supplier.accreditations": {
    GET: r("login", "403", "403", "200", "200", "403", "403"),
    POST: r("login", "403", "403", "400", "400", "403", "403"),
  },
  // The organisation comes from the session, not the form: an empty post from a supplier is bad input (400), not "another organisation" (403).
  "supplier.awards": {
    GET: r("login", "403", "403", "200", "200", "403", "403"),
    POST: r("login", "403", "403", "400", "400", "403", "403"),
  },
  "supplier.case-studies.$slug": {
    GET: r("login", "403", "403", "200", "403", "403", "403"),
    POST: r("login", "403", "403", "400", "403", "403", "403"),
  },
  "supplier.case-studies._index": { GET: r("login", "403", "403", "200", "200", "403", "403") },
  "supplier.import": {
    GET: r("login", "403", "403", "200", "200", "403", "403"),
    POST: r("login", "403", "403", "400", "400", "403", "403"),
  },
  "supplier.import.template[.]csv": { GET: r("login", "200", "200", "200", "200", "200", "200") },
  "supplier.listings.$id.$section": {
    GET: r("login", "403", "403", "200", "404", "403", "403"),
    POST: r("login", "403", "403", "400", "404", "403", "403"),
  },
  "supplier.listings.$id._index": {
    GET: r("login", "403", "403", "200", "404", "200", "403"),
    POST: r("login", "403", "403", "400", "404", "403", "403"),
  },
  // Uploading changes the draft: like a section, its own supplier only (an empty post is bad input).
  "supplier.listings.$id.documents": {
    GET: r("login", "403", "403", "200", "404", "403", "403"),
    POST: r("login", "403", "403", "400", "404", "403", "403"),
  },
  "supplier.listings.$id.history": { GET: r("login", "403", "403", "200", "404", "200", "403") },
  "supplier.listings.$id.preview": { GET: r("login", "403", "403", "200", "404", "200", "403") },
  "supplier.listings.new": {
    GET: r("login", "403", "403", "200", "200", "403", "403"),
    POST: r("login", "403", "403", "302", "302", "403", "403"),
  },
  // The organisation comes from the session, not the form: an empty post from a supplier is bad input (400).
  "supplier.profile": {
    GET: r("login", "403", "403", "200", "200", "403", "403"),
    POST: r("login", "403", "403", "400", "400", "403", "403"),
  },
  // The organisation comes from the session, not the form: an empty post from a supplier is bad input (400).
  "supplier.team": {
    GET: r("login", "403", "403", "200", "200", "403", "403"),
    POST: r("login", "403", "403", "400", "400", "403", "403"),
  },
  "suppliers.$slug": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  "suppliers.register": { POST: r("400", "400", "400", "400", "400", "400", "400") },
  "verify-email": { GET: r("200", "200", "200", "200", "200", "200", "200") },
  // A forged or malformed link names no subscription: 404, signed in or not.
  "unsubscribe.$token": {
    GET: r("404", "404", "404", "404", "404", "404", "404"),
    POST: r("404", "404", "404", "404", "404", "404", "404"),
  },
};
