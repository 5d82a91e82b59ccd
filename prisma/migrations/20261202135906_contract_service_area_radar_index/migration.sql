-- DropIndex
DROP INDEX "Contract_serviceAreaId_idx";

-- CreateIndex
CREATE INDEX "Contract_serviceAreaId_councilId_status_visibility_endDate_idx" ON "Contract"("serviceAreaId", "councilId", "status", "visibility", "endDate");

