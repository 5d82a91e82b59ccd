-- AlterTable
ALTER TABLE "FrozenSearch" ADD COLUMN     "abandonReason" TEXT,
ADD COLUMN     "abandonedAt" TIMESTAMP(3),
ADD COLUMN     "abandonedById" TEXT;

-- CreateTable
CREATE TABLE "NoticePublication" (
    "id" TEXT NOT NULL,
    "noticeItemId" TEXT NOT NULL,
    "noticeId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "recordedById" TEXT,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NoticePublication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectApproval" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "outcomeRevision" INTEGER,
    "status" TEXT NOT NULL DEFAULT 'requested',
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ProjectApproval_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NoticePublication_noticeItemId_idx" ON "NoticePublication"("noticeItemId");

-- CreateIndex
CREATE INDEX "ProjectApproval_projectId_subject_idx" ON "ProjectApproval"("projectId", "subject");

-- AddForeignKey
ALTER TABLE "NoticePublication" ADD CONSTRAINT "NoticePublication_noticeItemId_fkey" FOREIGN KEY ("noticeItemId") REFERENCES "NoticeChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProjectApproval" ADD CONSTRAINT "ProjectApproval_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject"("id") ON DELETE CASCADE ON UPDATE CASCADE;

