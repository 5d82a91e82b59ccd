-- CreateTable
CREATE TABLE "ScheduledJob" (
    "name" TEXT NOT NULL,
    "nextRunAt" TIMESTAMP(3) NOT NULL,
    "lockedBy" TEXT,
    "lockedUntil" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastResult" TEXT,
    "lastError" TEXT,
    "runs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ScheduledJob_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "LoginAttempt_createdAt_idx" ON "LoginAttempt"("createdAt");

-- CreateIndex
CREATE INDEX "VerificationToken_userId_idx" ON "VerificationToken"("userId");

-- CreateIndex
CREATE INDEX "CouncilDomain_councilId_idx" ON "CouncilDomain"("councilId");

-- CreateIndex
CREATE INDEX "LotRoute_lotId_idx" ON "LotRoute"("lotId");

-- CreateIndex
CREATE INDEX "Accreditation_supplierId_idx" ON "Accreditation"("supplierId");

-- CreateIndex
CREATE INDEX "Accreditation_expiresAt_idx" ON "Accreditation"("expiresAt");

-- CreateIndex
CREATE INDEX "LotAward_lotId_idx" ON "LotAward"("lotId");

-- CreateIndex
CREATE INDEX "ProductVersion_createdById_idx" ON "ProductVersion"("createdById");

-- CreateIndex
CREATE INDEX "CaseStudy_authorId_idx" ON "CaseStudy"("authorId");

-- CreateIndex
CREATE INDEX "CaseStudy_serviceAreaId_idx" ON "CaseStudy"("serviceAreaId");

-- CreateIndex
CREATE INDEX "CaseStudy_lotId_idx" ON "CaseStudy"("lotId");

-- CreateIndex
CREATE INDEX "CaseStudyMetric_caseStudyId_idx" ON "CaseStudyMetric"("caseStudyId");

-- CreateIndex
CREATE INDEX "CaseStudyProduct_caseStudyId_idx" ON "CaseStudyProduct"("caseStudyId");

-- CreateIndex
CREATE INDEX "ReusableAsset_caseStudyId_idx" ON "ReusableAsset"("caseStudyId");

-- CreateIndex
CREATE INDEX "BuyingProject_ownerId_idx" ON "BuyingProject"("ownerId");

-- CreateIndex
CREATE INDEX "SavedSearch_projectId_idx" ON "SavedSearch"("projectId");

-- CreateIndex
CREATE INDEX "FrozenSearch_projectId_idx" ON "FrozenSearch"("projectId");

-- CreateIndex
CREATE INDEX "FrozenResult_productId_idx" ON "FrozenResult"("productId");

-- CreateIndex
CREATE INDEX "FrozenResult_productVersionId_idx" ON "FrozenResult"("productVersionId");

-- CreateIndex
CREATE INDEX "ShortlistEntry_frozenResultId_idx" ON "ShortlistEntry"("frozenResultId");

-- CreateIndex
CREATE INDEX "EvaluationCriterion_projectId_idx" ON "EvaluationCriterion"("projectId");

-- CreateIndex
CREATE INDEX "EvaluationScore_shortlistEntryId_idx" ON "EvaluationScore"("shortlistEntryId");

-- CreateIndex
CREATE INDEX "ProjectOutcome_productVersionId_idx" ON "ProjectOutcome"("productVersionId");

-- CreateIndex
CREATE INDEX "SearchOutbox_createdAt_idx" ON "SearchOutbox"("createdAt");


-- INSERT ... ON CONFLICT DO UPDATE already fires the row UPDATE trigger on PostgreSQL;
-- refusing an insert over an existing id as well keeps both databases' rules identical.
CREATE FUNCTION cm_audit_no_replace() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = NEW."id") AND NOT EXISTS (SELECT 1 FROM "_cm_maintenance") THEN
    RAISE EXCEPTION 'AuditEvent is append-only';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditEvent_no_replace" BEFORE INSERT ON "AuditEvent"
FOR EACH ROW EXECUTE FUNCTION cm_audit_no_replace();
