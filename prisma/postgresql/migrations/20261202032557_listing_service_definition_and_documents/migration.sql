-- AlterTable
ALTER TABLE "ProductVersion" ADD COLUMN     "accessibilityLevel" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "availability" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "availabilityMeasurement" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "backupFrequency" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "backupRecovery" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "dataExportFormats" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "dataImportFormats" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "hasApi" BOOLEAN,
ADD COLUMN     "offboarding" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "onboarding" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "securityEvidence" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "serviceId" TEXT,
ADD COLUMN     "supportHours" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "supportResponse" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "ListingDocument" (
    "id" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ListingDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ListingDocument_sha256_idx" ON "ListingDocument"("sha256");

-- CreateIndex
CREATE INDEX "ListingDocument_uploadedById_idx" ON "ListingDocument"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "ListingDocument_versionId_kind_key" ON "ListingDocument"("versionId", "kind");

-- AddForeignKey
ALTER TABLE "ListingDocument" ADD CONSTRAINT "ListingDocument_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProductVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingDocument" ADD CONSTRAINT "ListingDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

