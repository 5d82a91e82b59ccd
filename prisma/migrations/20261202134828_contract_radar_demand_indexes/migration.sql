-- DropIndex
DROP INDEX "Contract_visibility_status_endDate_idx";

-- CreateIndex
CREATE INDEX "Contract_visibility_status_endDate_councilId_serviceAreaId_idx" ON "Contract"("visibility", "status", "endDate", "councilId", "serviceAreaId");

-- CreateIndex
CREATE INDEX "Contract_councilId_status_visibility_endDate_idx" ON "Contract"("councilId", "status", "visibility", "endDate");

