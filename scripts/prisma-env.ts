// Environment every Prisma CLI call needs so that it never tries to download an engine.
import path from "node:path";

export function prismaCliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? "file:./prisma/data/dev.db",
    PRISMA_QUERY_ENGINE_LIBRARY: path.resolve("prisma/.no-native-engine"),
    PRISMA_SCHEMA_ENGINE_BINARY: path.resolve("prisma/.no-native-engine"),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}
