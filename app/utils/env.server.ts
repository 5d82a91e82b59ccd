// Environment, validated once at start-up: a missing secret in production stops the server
// with a clear message rather than running insecurely.
import crypto from "node:crypto";
import { z } from "zod";

const smtpUrlField = z
  .string()
  .regex(/^smtps?:\/\/[^\s]+$/, "SMTP_URL must look like smtp://user:password@host:587 or smtps://host:465")
  .optional();
const mailFromField = z.string().min(3).default("Council Marketplace <no-reply@localhost>");

// Listing documents in an S3-compatible store (AWS S3, MinIO, Ceph, ...) instead of DOCUMENTS_DIR:
// setting DOCUMENTS_S3_BUCKET chooses it (app/services/s3-document-store.server.ts, ADR 0017).
const documentStoreFields = {
  DOCUMENTS_S3_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "DOCUMENTS_S3_BUCKET must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens",
    )
    .optional(),
  // Unset: AWS S3 itself. For another S3-compatible store its URL, like http://127.0.0.1:9000.
  DOCUMENTS_S3_ENDPOINT: z
    .string()
    .url("DOCUMENTS_S3_ENDPOINT must be a URL like https://s3.eu-west-2.amazonaws.com or http://127.0.0.1:9000")
    .refine((v) => /^https?:\/\//.test(v), "DOCUMENTS_S3_ENDPOINT must start with https:// or http://")
    .optional(),
  // Unset: AWS_REGION, else us-east-1 (what MinIO and most S3-compatible stores sign with).
  DOCUMENTS_S3_REGION: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/, "DOCUMENTS_S3_REGION must be a region name like eu-west-2")
    .optional(),
  // Keys are PREFIX + ab/abcdef… (the SHA-256's first two characters, as in DOCUMENTS_DIR).
  DOCUMENTS_S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9._-]+\/)*$/, "DOCUMENTS_S3_PREFIX must be empty or folder names ending in /, like listing-documents/")
    .optional(),
  // "true" addresses the bucket as ENDPOINT/bucket/key (MinIO and most self-hosted stores) rather than bucket.ENDPOINT/key.
  DOCUMENTS_S3_FORCE_PATH_STYLE: z.enum(["true", "false"], { message: "DOCUMENTS_S3_FORCE_PATH_STYLE must be true or false" }).optional(),
  // How long one request to the store may take, in ms (default 15000; connecting at most 3000 of it).
  DOCUMENTS_S3_TIMEOUT_MS: z
    .string()
    .regex(/^[1-9]\d{2,5}$/, "DOCUMENTS_S3_TIMEOUT_MS must be a number of milliseconds from 100 to 999999")
    .optional(),
  // Both or neither; neither: the AWS SDK's own credential chain (AWS_ACCESS_KEY_ID, an instance role, ...).
  DOCUMENTS_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  DOCUMENTS_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
};

type DocumentStoreEnv = { DOCUMENTS_DIR?: string } & { [K in keyof typeof documentStoreFields]?: string };

function checkDocumentStoreSettings(env: DocumentStoreEnv, ctx: z.RefinementCtx) {
  const s3Setting = (Object.keys(documentStoreFields) as (keyof typeof documentStoreFields)[]).find(
    (k) => k !== "DOCUMENTS_S3_BUCKET" && env[k] !== undefined,
  );
  if (!env.DOCUMENTS_S3_BUCKET && s3Setting) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["DOCUMENTS_S3_BUCKET"],
      message: `DOCUMENTS_S3_BUCKET must be set to keep documents in an S3-compatible store (${s3Setting} is set); unset the DOCUMENTS_S3_ settings to keep them in DOCUMENTS_DIR`,
    });
  }
  if (env.DOCUMENTS_S3_BUCKET && env.DOCUMENTS_DIR) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: ["DOCUMENTS_DIR"],
      message: "Set DOCUMENTS_DIR or DOCUMENTS_S3_BUCKET, not both: documents are kept in one store",
    });
  }
  if (!env.DOCUMENTS_S3_ACCESS_KEY_ID !== !env.DOCUMENTS_S3_SECRET_ACCESS_KEY) {
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: [env.DOCUMENTS_S3_ACCESS_KEY_ID ? "DOCUMENTS_S3_SECRET_ACCESS_KEY" : "DOCUMENTS_S3_ACCESS_KEY_ID"],
      message: "Set both DOCUMENTS_S3_ACCESS_KEY_ID and DOCUMENTS_S3_SECRET_ACCESS_KEY, or neither (to use the AWS SDK's own credentials)",
    });
  }
}

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql://")
      .default("file:./prisma/data/dev.db"),
    // PostgreSQL with least privilege: migrations run as the owner role through this URL, the app
    // as DATABASE_URL's role (docs/deploy/postgresql-roles.sql). Unset: DATABASE_URL migrates.
    DATABASE_MIGRATION_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "DATABASE_MIGRATION_URL must start with postgresql://")
      .optional(),
    SESSION_SECRET: z.string().optional(),
    MEILI_URL: z.string().url().optional(),
    MEILI_MASTER_KEY: z.string().optional(),
    // With MEILI_URL unreachable at start-up: refuse to start (default) or use the embedded engine.
    SEARCH_FALLBACK: z.enum(["embedded"]).optional(),
    OCID_PREFIX: z
      .string()
      .regex(/^ocds-[a-z0-9]{6}$/)
      .default("ocds-cmkt01"),
    // Pins "today" for demos and tests (ISO date); the real clock otherwise.
    PORTAL_TODAY: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    // The real moment (epoch ms) a pinned clock starts at 09:00 on PORTAL_TODAY; shared by every
    // process of a test run so they agree (app/utils/clock.server.ts).
    PORTAL_CLOCK_STARTED_AT: z
      .string()
      .regex(/^\d{10,16}$/, "PORTAL_CLOCK_STARTED_AT must be a time in epoch milliseconds")
      .optional(),
    // The secure-cookie default follows NODE_ENV; this lets a plain-http test host opt out.
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
    // The origin every link in mail starts with (verification, invitation, password reset):
    // configured, never taken from the request's Host header. Required in production.
    PUBLIC_URL: z
      .string()
      .url("PUBLIC_URL must be a URL like https://marketplace.example.gov.uk")
      .refine((v) => /^https?:\/\//.test(v), "PUBLIC_URL must start with https:// or http://")
      .optional(),
    // Outgoing mail (issue 15): smtp://user:pass@host:port (STARTTLS when the server offers it),
    // smtps:// for TLS from the start. Required in production; elsewhere mail stays in the outbox.
    SMTP_URL: smtpUrlField,
    MAIL_FROM: mailFromField,
    // "outbox": keep mail in the portal's outbox (/admin/outbox) instead of sending it, even in a
    // production build. For a local install only: npm run setup writes it to .env.
    MAIL_DELIVERY: z.enum(["smtp", "outbox"]).optional(),
    // Listing documents, one file per SHA-256 (app/services/document-store.server.ts); default prisma/data/documents.
    DOCUMENTS_DIR: z.string().min(1).optional(),
    ...documentStoreFields,
  })
  .superRefine((env, ctx) => {
    checkDocumentStoreSettings(env, ctx);
    if (env.NODE_ENV === "production" && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message: "SESSION_SECRET must be set to at least 32 random characters in production (npm run setup writes one to .env)",
      });
    }
    if (env.NODE_ENV === "production" && !env.SMTP_URL && env.MAIL_DELIVERY !== "outbox") {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SMTP_URL"],
        message:
          "SMTP_URL must be set in production, like smtp://user:password@smtp.example.gov.uk:587 (mail is queued and sent through it); a local install may set MAIL_DELIVERY=outbox instead",
      });
    }
    if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["PUBLIC_URL"],
        message:
          "PUBLIC_URL must be set in production to the portal's public origin, like https://marketplace.example.gov.uk (links in mail use it)",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string; PUBLIC_URL: string };

export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment, refusing to start:\n${problems}`);
  }
  cached = {
    ...parsed.data,
    SESSION_SECRET: parsed.data.SESSION_SECRET ?? generatedSessionSecret(),
    PUBLIC_URL: new URL(parsed.data.PUBLIC_URL ?? DEFAULT_PUBLIC_URL).origin,
  };
  return cached;
}

/**
 * Outside production, no SESSION_SECRET means a random one for this process (kept in
 * process.env so a re-imported module and forked workers agree), with a warning: never a
 * constant anyone could read in the source and sign cookies with. Sessions do not survive a
 * restart then; `npm run setup` writes a lasting one to .env.
 */
function generatedSessionSecret(): string {
  const secret = crypto.randomBytes(32).toString("hex");
  process.env.SESSION_SECRET = secret;
  if (process.env.NODE_ENV !== "test") {
    console.warn(
      "SESSION_SECRET is not set: using a random secret for this process (sessions end when it restarts). Run npm run setup to write one to .env.",
    );
  }
  return secret;
}

/** The configured public origin (no trailing slash) that links in mail start with. */
export function publicOrigin(): string {
  return getEnv().PUBLIC_URL;
}

export function isProduction(): boolean {
  return getEnv().NODE_ENV === "production";
}

/**
 * Where mail goes, read from the environment on each use (validated as at start-up) so a
 * test or an operator's script can point the sender at another server without a restart.
 */
export function mailSettings(): { smtpUrl: string | null; from: string } {
  const parsed = z.object({ SMTP_URL: smtpUrlField, MAIL_FROM: mailFromField }).parse({
    SMTP_URL: process.env.SMTP_URL || undefined,
    MAIL_FROM: process.env.MAIL_FROM || undefined,
  });
  return { smtpUrl: parsed.SMTP_URL ?? null, from: parsed.MAIL_FROM };
}

export type DocumentStoreSettings =
  | { kind: "disk"; dir: string | null }
  | {
      kind: "s3";
      bucket: string;
      endpoint: string | null;
      region: string;
      prefix: string;
      forcePathStyle: boolean;
      timeoutMs: number;
      credentials: { accessKeyId: string; secretAccessKey: string } | null;
    };

/**
 * Where listing documents are kept, read from the environment on each use (validated as at
 * start-up) so a test can point the store elsewhere without a restart: DOCUMENTS_DIR (null: the
 * default directory) or, when DOCUMENTS_S3_BUCKET is set, an S3-compatible bucket.
 */
export function documentStoreSettings(): DocumentStoreSettings {
  const names = ["DOCUMENTS_DIR", ...Object.keys(documentStoreFields)];
  const parsed = z
    .object({ DOCUMENTS_DIR: z.string().min(1).optional(), ...documentStoreFields })
    .superRefine(checkDocumentStoreSettings)
    .safeParse(Object.fromEntries(names.map((n) => [n, process.env[n] || undefined])));
  if (!parsed.success) {
    throw new Error(
      `Invalid document store settings:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`,
    );
  }
  const env = parsed.data;
  if (!env.DOCUMENTS_S3_BUCKET) return { kind: "disk", dir: env.DOCUMENTS_DIR ?? null };
  return {
    kind: "s3",
    bucket: env.DOCUMENTS_S3_BUCKET,
    endpoint: env.DOCUMENTS_S3_ENDPOINT ?? null,
    region: env.DOCUMENTS_S3_REGION ?? (process.env.AWS_REGION || "us-east-1"),
    prefix: env.DOCUMENTS_S3_PREFIX ?? "",
    forcePathStyle: env.DOCUMENTS_S3_FORCE_PATH_STYLE === "true",
    timeoutMs: Number(env.DOCUMENTS_S3_TIMEOUT_MS ?? 15_000),
    credentials:
      env.DOCUMENTS_S3_ACCESS_KEY_ID && env.DOCUMENTS_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.DOCUMENTS_S3_ACCESS_KEY_ID, secretAccessKey: env.DOCUMENTS_S3_SECRET_ACCESS_KEY }
        : null,
  };
}
