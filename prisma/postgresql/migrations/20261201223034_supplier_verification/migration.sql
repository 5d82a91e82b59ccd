-- AlterTable
ALTER TABLE "Supplier" ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT;

-- Backfill: suppliers registered before verification existed stay public.
UPDATE "Supplier" SET "verifiedAt" = "createdAt" WHERE "verifiedAt" IS NULL;

-- CreateIndex
CREATE INDEX "Supplier_verifiedAt_idx" ON "Supplier"("verifiedAt");

