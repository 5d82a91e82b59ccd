-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN "balanceSheetPence" BIGINT;

-- CreateTable
CREATE TABLE "AgreementTerm" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "agreementId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startDate" DATETIME NOT NULL,
    "endDate" DATETIME NOT NULL,
    "reopens" BOOLEAN NOT NULL DEFAULT false,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "AgreementTerm_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Agreement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "regulation" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "sourceUrl" TEXT NOT NULL,
    "notes" TEXT NOT NULL DEFAULT '',
    "owner" TEXT NOT NULL DEFAULT 'Government Commercial Agency (formerly Crown Commercial Service)',
    "eligibility" TEXT NOT NULL DEFAULT '',
    "facts" TEXT NOT NULL DEFAULT '[]',
    "replacedBy" TEXT NOT NULL DEFAULT '[]'
);
INSERT INTO "new_Agreement" ("description", "endDate", "id", "name", "notes", "number", "regulation", "shortName", "slug", "sourceUrl", "startDate", "type", "verified") SELECT "description", "endDate", "id", "name", "notes", "number", "regulation", "shortName", "slug", "sourceUrl", "startDate", "type", "verified" FROM "Agreement";
DROP TABLE "Agreement";
ALTER TABLE "new_Agreement" RENAME TO "Agreement";
CREATE UNIQUE INDEX "Agreement_number_key" ON "Agreement"("number");
CREATE UNIQUE INDEX "Agreement_slug_key" ON "Agreement"("slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "AgreementTerm_agreementId_number_key" ON "AgreementTerm"("agreementId", "number");

