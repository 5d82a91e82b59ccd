-- AlterTable
ALTER TABLE "Agreement" ADD COLUMN     "eligibility" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "facts" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "owner" TEXT NOT NULL DEFAULT 'Government Commercial Agency (formerly Crown Commercial Service)',
ADD COLUMN     "replacedBy" TEXT NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "balanceSheetPence" BIGINT;

-- CreateTable
CREATE TABLE "AgreementTerm" (
    "id" TEXT NOT NULL,
    "agreementId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "startDate" TIMESTAMP(3) NOT NULL,
    "endDate" TIMESTAMP(3) NOT NULL,
    "reopens" BOOLEAN NOT NULL DEFAULT false,
    "verified" BOOLEAN NOT NULL DEFAULT false,
    "sourceUrl" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AgreementTerm_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AgreementTerm_agreementId_number_key" ON "AgreementTerm"("agreementId", "number");

-- AddForeignKey
ALTER TABLE "AgreementTerm" ADD CONSTRAINT "AgreementTerm_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

