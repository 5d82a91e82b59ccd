-- CreateTable
CREATE TABLE "Contract" (
    "id" TEXT NOT NULL,
    "councilId" TEXT,
    "buyerName" TEXT NOT NULL,
    "supplierId" TEXT,
    "supplierName" TEXT NOT NULL,
    "supplierCompanyNumber" TEXT,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "agreementId" TEXT,
    "lotId" TEXT,
    "procedure" TEXT NOT NULL DEFAULT '',
    "valuePence" BIGINT,
    "valueExVatPence" BIGINT,
    "unitPricePence" BIGINT,
    "priceUnit" TEXT,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "extensions" TEXT NOT NULL DEFAULT '[]',
    "latestEndDate" TIMESTAMP(3),
    "cpvCodes" TEXT NOT NULL DEFAULT '[]',
    "serviceAreaId" TEXT,
    "category" TEXT,
    "notices" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "ocid" TEXT,
    "releaseId" TEXT,
    "releaseDate" TIMESTAMP(3),
    "visibility" TEXT NOT NULL DEFAULT 'private',
    "status" TEXT NOT NULL DEFAULT 'active',
    "projectId" TEXT,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContractProduct" (
    "contractId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,

    CONSTRAINT "ContractProduct_pkey" PRIMARY KEY ("contractId","productId")
);

-- CreateTable
CREATE TABLE "ContractRevision" (
    "id" TEXT NOT NULL,
    "contractId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "snapshot" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContractRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PipelineEntry" (
    "id" TEXT NOT NULL,
    "councilId" TEXT,
    "buyerName" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "serviceAreaId" TEXT,
    "cpvCodes" TEXT NOT NULL DEFAULT '[]',
    "estimatedValuePence" BIGINT,
    "expectedDate" TIMESTAMP(3),
    "routeConsidered" TEXT NOT NULL DEFAULT '',
    "noticeUrl" TEXT,
    "source" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "ocid" TEXT,
    "releaseId" TEXT,
    "releaseDate" TIMESTAMP(3),
    "projectId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'published',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PipelineEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Contract_sourceKey_key" ON "Contract"("sourceKey");

-- CreateIndex
CREATE INDEX "Contract_councilId_idx" ON "Contract"("councilId");

-- CreateIndex
CREATE INDEX "Contract_supplierId_idx" ON "Contract"("supplierId");

-- CreateIndex
CREATE INDEX "Contract_agreementId_idx" ON "Contract"("agreementId");

-- CreateIndex
CREATE INDEX "Contract_serviceAreaId_idx" ON "Contract"("serviceAreaId");

-- CreateIndex
CREATE INDEX "Contract_visibility_status_endDate_idx" ON "Contract"("visibility", "status", "endDate");

-- CreateIndex
CREATE INDEX "Contract_endDate_idx" ON "Contract"("endDate");

-- CreateIndex
CREATE INDEX "ContractProduct_productId_idx" ON "ContractProduct"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRevision_contractId_sequence_key" ON "ContractRevision"("contractId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "PipelineEntry_sourceKey_key" ON "PipelineEntry"("sourceKey");

-- CreateIndex
CREATE INDEX "PipelineEntry_councilId_idx" ON "PipelineEntry"("councilId");

-- CreateIndex
CREATE INDEX "PipelineEntry_serviceAreaId_idx" ON "PipelineEntry"("serviceAreaId");

-- CreateIndex
CREATE INDEX "PipelineEntry_stage_expectedDate_idx" ON "PipelineEntry"("stage", "expectedDate");

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_lotId_fkey" FOREIGN KEY ("lotId") REFERENCES "Lot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractProduct" ADD CONSTRAINT "ContractProduct_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractProduct" ADD CONSTRAINT "ContractProduct_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContractRevision" ADD CONSTRAINT "ContractRevision_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineEntry" ADD CONSTRAINT "PipelineEntry_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PipelineEntry" ADD CONSTRAINT "PipelineEntry_serviceAreaId_fkey" FOREIGN KEY ("serviceAreaId") REFERENCES "ServiceArea"("id") ON DELETE SET NULL ON UPDATE CASCADE;

