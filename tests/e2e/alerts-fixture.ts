// For tests/e2e/alerts.spec.ts: a new, verified supplier whose description holds WORD, written to
// the end-to-end database with its search-outbox row as the app would, so it is something new
// for a saved search to find. Usage: npx tsx tests/e2e/alerts-fixture.ts WORD (DATABASE_URL set).
import { prisma } from "../../app/utils/db.server";
import { enqueueSearchUpdate } from "../../app/models/search-outbox.server";
import { now } from "../../app/utils/clock.server";

const word = process.argv[2];
if (!word || !/^[a-z0-9]+$/.test(word)) throw new Error("usage: alerts-fixture.ts WORD (lower-case letters and digits)");
await prisma.$transaction(async (tx) => {
  const supplier = await tx.supplier.create({
    data: {
      slug: `${word}-digital`,
      legalName: `${word} Digital Ltd`,
      tradingName: `Brand New ${word} Digital`,
      declaredSize: "small",
      computedSize: "small",
      region: "Yorkshire and the Humber",
      description: `Case management for councils (${word}).`,
      contactName: "New Supplier",
      contactEmail: `hello@${word}.example`,
      verifiedAt: now(),
    },
  });
  await enqueueSearchUpdate(tx, [{ entityType: "supplier", entityId: supplier.id }]);
});
await prisma.$disconnect();
