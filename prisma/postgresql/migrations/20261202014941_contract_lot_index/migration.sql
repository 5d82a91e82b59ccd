-- CreateIndex
CREATE INDEX "Contract_lotId_idx" ON "Contract"("lotId");

