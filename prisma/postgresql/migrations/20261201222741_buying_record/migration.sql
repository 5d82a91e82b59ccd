-- AlterTable
ALTER TABLE "LotRoute" ADD COLUMN     "sourceUrl" TEXT;

-- AlterTable
ALTER TABLE "ProjectOutcome" ADD COLUMN     "exceptions" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "NoticeChecklistItem" ADD COLUMN     "dueAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "OutcomeRevision" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "productVersionId" TEXT,
    "productName" TEXT,
    "supplierId" TEXT,
    "valuePence" BIGINT,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "justification" TEXT NOT NULL,
    "exceptions" TEXT NOT NULL DEFAULT '[]',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutcomeRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SetAsideResult" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "frozenResultId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SetAsideResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutcomeRevision_projectId_sequence_key" ON "OutcomeRevision"("projectId", "sequence");

-- CreateIndex
CREATE INDEX "SetAsideResult_frozenResultId_idx" ON "SetAsideResult"("frozenResultId");

-- CreateIndex
CREATE UNIQUE INDEX "SetAsideResult_projectId_frozenResultId_key" ON "SetAsideResult"("projectId", "frozenResultId");

-- AddForeignKey
ALTER TABLE "OutcomeRevision" ADD CONSTRAINT "OutcomeRevision_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetAsideResult" ADD CONSTRAINT "SetAsideResult_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SetAsideResult" ADD CONSTRAINT "SetAsideResult_frozenResultId_fkey" FOREIGN KEY ("frozenResultId") REFERENCES "FrozenResult"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Backfill: an outcome recorded before this migration becomes the project's first revision.
INSERT INTO "OutcomeRevision" ("id", "projectId", "sequence", "kind", "productVersionId", "supplierId", "valuePence", "startDate", "endDate", "justification", "decidedById", "decidedAt")
SELECT 'rev_' || "id", "projectId", 1, "kind", "productVersionId", "supplierId", "valuePence", "startDate", "endDate", "justification", "decidedById", "decidedAt" FROM "ProjectOutcome";
