-- AlterTable
ALTER TABLE "LotRoute" ADD COLUMN "sourceUrl" TEXT;

-- AlterTable
ALTER TABLE "NoticeChecklistItem" ADD COLUMN "dueAt" DATETIME;

-- CreateTable
CREATE TABLE "OutcomeRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "productVersionId" TEXT,
    "productName" TEXT,
    "supplierId" TEXT,
    "valuePence" BIGINT,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "justification" TEXT NOT NULL,
    "exceptions" TEXT NOT NULL DEFAULT '[]',
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OutcomeRevision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SetAsideResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "frozenResultId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SetAsideResult_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SetAsideResult_frozenResultId_fkey" FOREIGN KEY ("frozenResultId") REFERENCES "FrozenResult" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProjectOutcome" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "productVersionId" TEXT,
    "supplierId" TEXT,
    "valuePence" BIGINT,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "justification" TEXT NOT NULL,
    "exceptions" TEXT NOT NULL DEFAULT '[]',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectOutcome_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectOutcome_productVersionId_fkey" FOREIGN KEY ("productVersionId") REFERENCES "ProductVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProjectOutcome" ("decidedAt", "decidedById", "endDate", "id", "justification", "kind", "productVersionId", "projectId", "startDate", "supplierId", "valuePence") SELECT "decidedAt", "decidedById", "endDate", "id", "justification", "kind", "productVersionId", "projectId", "startDate", "supplierId", "valuePence" FROM "ProjectOutcome";
DROP TABLE "ProjectOutcome";
ALTER TABLE "new_ProjectOutcome" RENAME TO "ProjectOutcome";
CREATE UNIQUE INDEX "ProjectOutcome_projectId_key" ON "ProjectOutcome"("projectId");
CREATE INDEX "ProjectOutcome_productVersionId_idx" ON "ProjectOutcome"("productVersionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeRevision_projectId_sequence_key" ON "OutcomeRevision"("projectId", "sequence");

-- CreateIndex
CREATE INDEX "SetAsideResult_frozenResultId_idx" ON "SetAsideResult"("frozenResultId");

-- CreateIndex
CREATE UNIQUE INDEX "SetAsideResult_projectId_frozenResultId_key" ON "SetAsideResult"("projectId", "frozenResultId");


-- Backfill: an outcome recorded before this migration becomes the project's first revision.
INSERT INTO "OutcomeRevision" ("id", "projectId", "sequence", "kind", "productVersionId", "supplierId", "valuePence", "startDate", "endDate", "justification", "decidedById", "decidedAt")
SELECT 'rev_' || "id", "projectId", 1, "kind", "productVersionId", "supplierId", "valuePence", "startDate", "endDate", "justification", "decidedById", "decidedAt" FROM "ProjectOutcome";
