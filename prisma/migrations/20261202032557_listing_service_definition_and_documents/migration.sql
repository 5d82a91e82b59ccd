-- CreateTable
CREATE TABLE "ListingDocument" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "versionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "uploadedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ListingDocument_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ProductVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ListingDocument_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ProductVersion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "productId" TEXT NOT NULL,
    "versionNumber" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "name" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "features" TEXT NOT NULL DEFAULT '[]',
    "benefits" TEXT NOT NULL DEFAULT '[]',
    "category" TEXT NOT NULL,
    "priceFromPence" INTEGER NOT NULL,
    "priceUnit" TEXT NOT NULL,
    "vatIncluded" BOOLEAN NOT NULL DEFAULT false,
    "freeTrial" BOOLEAN NOT NULL DEFAULT false,
    "pricingDocumentUrl" TEXT,
    "dataLocation" TEXT NOT NULL,
    "security" TEXT NOT NULL DEFAULT '[]',
    "accessibilityStatementUrl" TEXT,
    "standards" TEXT NOT NULL DEFAULT '[]',
    "integrations" TEXT NOT NULL DEFAULT '[]',
    "hasApi" BOOLEAN,
    "serviceId" TEXT,
    "onboarding" TEXT NOT NULL DEFAULT '',
    "offboarding" TEXT NOT NULL DEFAULT '',
    "dataImportFormats" TEXT NOT NULL DEFAULT '[]',
    "dataExportFormats" TEXT NOT NULL DEFAULT '[]',
    "availability" TEXT NOT NULL DEFAULT '',
    "availabilityMeasurement" TEXT NOT NULL DEFAULT '',
    "supportHours" TEXT NOT NULL DEFAULT '',
    "supportResponse" TEXT NOT NULL DEFAULT '',
    "backupFrequency" TEXT NOT NULL DEFAULT '',
    "backupRecovery" TEXT NOT NULL DEFAULT '',
    "securityEvidence" TEXT NOT NULL DEFAULT '',
    "accessibilityLevel" TEXT NOT NULL DEFAULT '',
    "rejectionReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "publishedAt" DATETIME,
    CONSTRAINT "ProductVersion_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProductVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProductVersion" ("accessibilityStatementUrl", "benefits", "category", "createdAt", "createdById", "dataLocation", "description", "features", "freeTrial", "id", "integrations", "name", "priceFromPence", "priceUnit", "pricingDocumentUrl", "productId", "publishedAt", "rejectionReason", "security", "standards", "status", "submittedAt", "summary", "vatIncluded", "versionNumber") SELECT "accessibilityStatementUrl", "benefits", "category", "createdAt", "createdById", "dataLocation", "description", "features", "freeTrial", "id", "integrations", "name", "priceFromPence", "priceUnit", "pricingDocumentUrl", "productId", "publishedAt", "rejectionReason", "security", "standards", "status", "submittedAt", "summary", "vatIncluded", "versionNumber" FROM "ProductVersion";
DROP TABLE "ProductVersion";
ALTER TABLE "new_ProductVersion" RENAME TO "ProductVersion";
CREATE INDEX "ProductVersion_status_idx" ON "ProductVersion"("status");
CREATE INDEX "ProductVersion_createdById_idx" ON "ProductVersion"("createdById");
CREATE UNIQUE INDEX "ProductVersion_productId_versionNumber_key" ON "ProductVersion"("productId", "versionNumber");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ListingDocument_sha256_idx" ON "ListingDocument"("sha256");

-- CreateIndex
CREATE INDEX "ListingDocument_uploadedById_idx" ON "ListingDocument"("uploadedById");

-- CreateIndex
CREATE UNIQUE INDEX "ListingDocument_versionId_kind_key" ON "ListingDocument"("versionId", "kind");

