-- Money as integer pence, the unit in each column's name (docs/decisions/0011-money-integer-pence.md).
-- Pounds columns become pence: the double is read as the decimal it was typed as (15
-- significant digits, as PostgreSQL's float8-to-numeric cast does) and rounded half away
-- from zero (NULL stays NULL), so 19.99 -> 1999 and 1234567.89 -> 123456789 exactly, on both databases.
-- LotRoute limits were already pence: they keep their values and become integers.
-- The migration runner turns foreign keys off outside its transaction, so dropping the
-- old tables does not cascade into their children.
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_LotRoute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "lotId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "minValuePence" BIGINT,
    "maxValuePence" BIGINT,
    "maxContractMonths" INTEGER,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "LotRoute_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LotRoute" ("id", "lotId", "maxContractMonths", "method", "verified", "minValuePence", "maxValuePence") SELECT "id", "lotId", "maxContractMonths", "method", "verified", CAST(ROUND("minValue") AS INTEGER), CAST(ROUND("maxValue") AS INTEGER) FROM "LotRoute";
DROP TABLE "LotRoute";
ALTER TABLE "new_LotRoute" RENAME TO "LotRoute";
CREATE INDEX "LotRoute_lotId_idx" ON "LotRoute"("lotId");
CREATE TABLE "new_Supplier" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "legalName" TEXT NOT NULL,
    "tradingName" TEXT NOT NULL,
    "companyNumber" TEXT,
    "staffCount" INTEGER,
    "turnoverPence" BIGINT,
    "declaredSize" TEXT NOT NULL,
    "computedSize" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "website" TEXT,
    "contactName" TEXT NOT NULL,
    "contactEmail" TEXT NOT NULL,
    "contactPhone" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Supplier" ("companyNumber", "computedSize", "contactEmail", "contactName", "contactPhone", "createdAt", "declaredSize", "description", "id", "legalName", "region", "slug", "staffCount", "tradingName", "updatedAt", "version", "website", "turnoverPence") SELECT "companyNumber", "computedSize", "contactEmail", "contactName", "contactPhone", "createdAt", "declaredSize", "description", "id", "legalName", "region", "slug", "staffCount", "tradingName", "updatedAt", "version", "website", CASE WHEN "turnover" IS NULL THEN NULL ELSE CAST(ROUND(CAST(printf('%.15g', "turnover" * 100) AS REAL)) AS INTEGER) END FROM "Supplier";
DROP TABLE "Supplier";
ALTER TABLE "new_Supplier" RENAME TO "Supplier";
CREATE UNIQUE INDEX "Supplier_slug_key" ON "Supplier"("slug");
CREATE UNIQUE INDEX "Supplier_companyNumber_key" ON "Supplier"("companyNumber");
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
    "rejectionReason" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submittedAt" DATETIME,
    "publishedAt" DATETIME,
    CONSTRAINT "ProductVersion_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProductVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProductVersion" ("accessibilityStatementUrl", "benefits", "category", "createdAt", "createdById", "dataLocation", "description", "features", "freeTrial", "id", "integrations", "name", "priceUnit", "pricingDocumentUrl", "productId", "publishedAt", "rejectionReason", "security", "standards", "status", "submittedAt", "summary", "vatIncluded", "versionNumber", "priceFromPence") SELECT "accessibilityStatementUrl", "benefits", "category", "createdAt", "createdById", "dataLocation", "description", "features", "freeTrial", "id", "integrations", "name", "priceUnit", "pricingDocumentUrl", "productId", "publishedAt", "rejectionReason", "security", "standards", "status", "submittedAt", "summary", "vatIncluded", "versionNumber", CASE WHEN "priceFrom" IS NULL THEN NULL ELSE CAST(ROUND(CAST(printf('%.15g', "priceFrom" * 100) AS REAL)) AS INTEGER) END FROM "ProductVersion";
DROP TABLE "ProductVersion";
ALTER TABLE "new_ProductVersion" RENAME TO "ProductVersion";
CREATE INDEX "ProductVersion_status_idx" ON "ProductVersion"("status");
CREATE INDEX "ProductVersion_createdById_idx" ON "ProductVersion"("createdById");
CREATE UNIQUE INDEX "ProductVersion_productId_versionNumber_key" ON "ProductVersion"("productId", "versionNumber");
CREATE TABLE "new_CaseStudy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "authorId" TEXT,
    "serviceAreaId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "summary" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "approach" TEXT NOT NULL,
    "outcomeNarrative" TEXT NOT NULL,
    "costExactPence" BIGINT,
    "costBand" TEXT,
    "funding" TEXT NOT NULL DEFAULT '',
    "startDate" DATETIME,
    "endDate" DATETIME,
    "lessons" TEXT NOT NULL DEFAULT '',
    "contactName" TEXT NOT NULL DEFAULT '',
    "contactEmail" TEXT NOT NULL DEFAULT '',
    "lotId" TEXT,
    "buyingRoute" TEXT,
    "rejectionReason" TEXT,
    "lockVersion" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CaseStudy_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseStudy_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CaseStudy_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CaseStudy_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CaseStudy" ("approach", "authorId", "buyingRoute", "contactEmail", "contactName", "costBand", "councilId", "createdAt", "endDate", "funding", "id", "lessons", "lockVersion", "lotId", "outcomeNarrative", "problem", "publishedAt", "rejectionReason", "serviceAreaId", "slug", "startDate", "status", "summary", "title", "updatedAt", "costExactPence") SELECT "approach", "authorId", "buyingRoute", "contactEmail", "contactName", "costBand", "councilId", "createdAt", "endDate", "funding", "id", "lessons", "lockVersion", "lotId", "outcomeNarrative", "problem", "publishedAt", "rejectionReason", "serviceAreaId", "slug", "startDate", "status", "summary", "title", "updatedAt", CASE WHEN "costExact" IS NULL THEN NULL ELSE CAST(ROUND(CAST(printf('%.15g', "costExact" * 100) AS REAL)) AS INTEGER) END FROM "CaseStudy";
DROP TABLE "CaseStudy";
ALTER TABLE "new_CaseStudy" RENAME TO "CaseStudy";
CREATE UNIQUE INDEX "CaseStudy_slug_key" ON "CaseStudy"("slug");
CREATE INDEX "CaseStudy_councilId_idx" ON "CaseStudy"("councilId");
CREATE INDEX "CaseStudy_status_idx" ON "CaseStudy"("status");
CREATE INDEX "CaseStudy_authorId_idx" ON "CaseStudy"("authorId");
CREATE INDEX "CaseStudy_serviceAreaId_idx" ON "CaseStudy"("serviceAreaId");
CREATE INDEX "CaseStudy_lotId_idx" ON "CaseStudy"("lotId");
CREATE TABLE "new_BuyingProject" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "councilId" TEXT NOT NULL,
    "ownerId" TEXT,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "estimatedValuePence" BIGINT NOT NULL,
    "contractMonths" INTEGER NOT NULL,
    "procurementStart" DATETIME NOT NULL,
    "nation" TEXT NOT NULL,
    "securityClassification" TEXT NOT NULL DEFAULT 'OFFICIAL',
    "termsUnchanged" BOOLEAN NOT NULL DEFAULT true,
    "routeId" TEXT NOT NULL,
    "requirements" TEXT NOT NULL DEFAULT '',
    "budgetApproved" BOOLEAN NOT NULL DEFAULT false,
    "budgetApprovedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "lockVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "BuyingProject_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "BuyingProject_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BuyingProject" ("budgetApproved", "budgetApprovedAt", "category", "contractMonths", "councilId", "createdAt", "id", "lockVersion", "nation", "ownerId", "procurementStart", "requirements", "routeId", "securityClassification", "status", "termsUnchanged", "title", "updatedAt", "estimatedValuePence") SELECT "budgetApproved", "budgetApprovedAt", "category", "contractMonths", "councilId", "createdAt", "id", "lockVersion", "nation", "ownerId", "procurementStart", "requirements", "routeId", "securityClassification", "status", "termsUnchanged", "title", "updatedAt", CASE WHEN "estimatedValue" IS NULL THEN NULL ELSE CAST(ROUND(CAST(printf('%.15g', "estimatedValue" * 100) AS REAL)) AS INTEGER) END FROM "BuyingProject";
DROP TABLE "BuyingProject";
ALTER TABLE "new_BuyingProject" RENAME TO "BuyingProject";
CREATE INDEX "BuyingProject_councilId_idx" ON "BuyingProject"("councilId");
CREATE INDEX "BuyingProject_ownerId_idx" ON "BuyingProject"("ownerId");
CREATE TABLE "new_FrozenResult" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frozenSearchId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "productId" TEXT NOT NULL,
    "productVersionId" TEXT NOT NULL,
    "productName" TEXT NOT NULL,
    "supplierName" TEXT NOT NULL,
    "supplierSize" TEXT NOT NULL,
    "priceFromPence" INTEGER NOT NULL,
    "priceUnit" TEXT NOT NULL,
    CONSTRAINT "FrozenResult_frozenSearchId_fkey" FOREIGN KEY ("frozenSearchId") REFERENCES "FrozenSearch" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FrozenResult_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "FrozenResult_productVersionId_fkey" FOREIGN KEY ("productVersionId") REFERENCES "ProductVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_FrozenResult" ("frozenSearchId", "id", "position", "priceUnit", "productId", "productName", "productVersionId", "supplierName", "supplierSize", "priceFromPence") SELECT "frozenSearchId", "id", "position", "priceUnit", "productId", "productName", "productVersionId", "supplierName", "supplierSize", CASE WHEN "priceFrom" IS NULL THEN NULL ELSE CAST(ROUND(CAST(printf('%.15g', "priceFrom" * 100) AS REAL)) AS INTEGER) END FROM "FrozenResult";
DROP TABLE "FrozenResult";
ALTER TABLE "new_FrozenResult" RENAME TO "FrozenResult";
CREATE INDEX "FrozenResult_productId_idx" ON "FrozenResult"("productId");
CREATE INDEX "FrozenResult_productVersionId_idx" ON "FrozenResult"("productVersionId");
CREATE UNIQUE INDEX "FrozenResult_frozenSearchId_position_key" ON "FrozenResult"("frozenSearchId", "position");
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
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ProjectOutcome_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectOutcome_productVersionId_fkey" FOREIGN KEY ("productVersionId") REFERENCES "ProductVersion" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ProjectOutcome" ("decidedAt", "decidedById", "endDate", "id", "justification", "kind", "productVersionId", "projectId", "startDate", "supplierId", "valuePence") SELECT "decidedAt", "decidedById", "endDate", "id", "justification", "kind", "productVersionId", "projectId", "startDate", "supplierId", CASE WHEN "value" IS NULL THEN NULL ELSE CAST(ROUND(CAST(printf('%.15g', "value" * 100) AS REAL)) AS INTEGER) END FROM "ProjectOutcome";
DROP TABLE "ProjectOutcome";
ALTER TABLE "new_ProjectOutcome" RENAME TO "ProjectOutcome";
CREATE UNIQUE INDEX "ProjectOutcome_projectId_key" ON "ProjectOutcome"("projectId");
CREATE INDEX "ProjectOutcome_productVersionId_idx" ON "ProjectOutcome"("productVersionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

