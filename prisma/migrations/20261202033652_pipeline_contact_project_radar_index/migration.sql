-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_PipelineEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT,
    "buyerName" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "serviceAreaId" TEXT,
    "cpvCodes" TEXT NOT NULL DEFAULT '[]',
    "estimatedValuePence" BIGINT,
    "expectedDate" DATETIME,
    "routeConsidered" TEXT NOT NULL DEFAULT '',
    "noticeUrl" TEXT,
    "source" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "ocid" TEXT,
    "releaseId" TEXT,
    "releaseDate" DATETIME,
    "projectId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "withdrawnAt" DATETIME,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "PipelineEntry_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PipelineEntry_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "PipelineEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_PipelineEntry" ("buyerName", "councilId", "cpvCodes", "createdAt", "createdById", "description", "estimatedValuePence", "expectedDate", "id", "noticeUrl", "ocid", "projectId", "releaseDate", "releaseId", "revision", "routeConsidered", "serviceAreaId", "source", "sourceKey", "stage", "status", "title", "updatedAt") SELECT "buyerName", "councilId", "cpvCodes", "createdAt", "createdById", "description", "estimatedValuePence", "expectedDate", "id", "noticeUrl", "ocid", "projectId", "releaseDate", "releaseId", "revision", "routeConsidered", "serviceAreaId", "source", "sourceKey", "stage", "status", "title", "updatedAt" FROM "PipelineEntry";
DROP TABLE "PipelineEntry";
ALTER TABLE "new_PipelineEntry" RENAME TO "PipelineEntry";
CREATE UNIQUE INDEX "PipelineEntry_sourceKey_key" ON "PipelineEntry"("sourceKey");
CREATE INDEX "PipelineEntry_councilId_idx" ON "PipelineEntry"("councilId");
CREATE INDEX "PipelineEntry_serviceAreaId_idx" ON "PipelineEntry"("serviceAreaId");
CREATE INDEX "PipelineEntry_stage_expectedDate_idx" ON "PipelineEntry"("stage", "expectedDate");
CREATE INDEX "PipelineEntry_status_expectedDate_idx" ON "PipelineEntry"("status", "expectedDate");
CREATE INDEX "PipelineEntry_projectId_idx" ON "PipelineEntry"("projectId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Contract_councilId_endDate_idx" ON "Contract"("councilId", "endDate");

