// Environment, validated once at start-up: a missing secret in production stops the server
// with a clear message rather than running insecurely.
import { z } from "zod";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: (SQLite) or postgresql://")
      .default("file:./prisma/data/dev.db"),
    SESSION_SECRET: z.string().optional(),
    MEILI_URL: z.string().url().optional(),
    MEILI_MASTER_KEY: z.string().optional(),
    OCID_PREFIX: z.string().regex(/^ocds-[a-z0-9]{6}$/).default("ocds-cmkt01"),
    // Pins "today" for demos and tests (ISO date); the real clock otherwise.
    PORTAL_TODAY: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
    // The secure-cookie default follows NODE_ENV; this lets a plain-http test host opt out.
    COOKIE_SECURE: z.enum(["true", "false"]).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && (!env.SESSION_SECRET || env.SESSION_SECRET.length < 32)) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["SESSION_SECRET"],
        message:
          "SESSION_SECRET must be set to at least 32 random characters in production (npm run setup writes one to .env)",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

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
    SESSION_SECRET: parsed.data.SESSION_SECRET ?? "development-only-secret-not-for-production-use",
  };
  return cached;
}

export function isProduction(): boolean {
  return getEnv().NODE_ENV === "production";
}
