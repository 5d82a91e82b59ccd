-- AlterTable
ALTER TABLE "FrozenSearch" ADD COLUMN "abandonReason" TEXT;
ALTER TABLE "FrozenSearch" ADD COLUMN "abandonedAt" DATETIME;
ALTER TABLE "FrozenSearch" ADD COLUMN "abandonedById" TEXT;

-- CreateTable
CREATE TABLE "NoticePublication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "noticeItemId" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "NoticePublication_noticeItemId_fkey" FOREIGN KEY ("noticeItemId") REFERENCES "NoticeChecklistItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProjectApproval" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "outcomeRevision" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "reason" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "ProjectApproval_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "NoticePublication_noticeItemId_idx" ON "NoticePublication"("noticeItemId");

-- CreateIndex
CREATE INDEX "ProjectApproval_projectId_subject_idx" ON "ProjectApproval"("projectId", "subject");

