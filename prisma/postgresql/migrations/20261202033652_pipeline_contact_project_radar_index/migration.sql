-- AlterTable
ALTER TABLE "PipelineEntry" ADD COLUMN     "contactEmail" TEXT,
ADD COLUMN     "contactName" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Contract_councilId_endDate_idx" ON "Contract"("councilId", "endDate");

-- CreateIndex
CREATE INDEX "PipelineEntry_status_expectedDate_idx" ON "PipelineEntry"("status", "expectedDate");

-- CreateIndex
CREATE INDEX "PipelineEntry_projectId_idx" ON "PipelineEntry"("projectId");

-- AddForeignKey
ALTER TABLE "PipelineEntry" ADD CONSTRAINT "PipelineEntry_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject"("id") ON DELETE SET NULL ON UPDATE CASCADE;

