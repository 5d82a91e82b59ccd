-- CreateTable
CREATE TABLE "ProjectParticipant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "councilId" TEXT NOT NULL,
    "sharePence" BIGINT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'invited',
    "inviteeEmail" TEXT,
    "invitedById" TEXT,
    "respondedById" TEXT,
    "respondedAt" DATETIME,
    "lockVersion" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ProjectParticipant_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "BuyingProject" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ProjectParticipant_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Council" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProjectParticipant_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ProjectParticipant_respondedById_fkey" FOREIGN KEY ("respondedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ProjectParticipant_councilId_status_idx" ON "ProjectParticipant"("councilId", "status");

-- CreateIndex
CREATE INDEX "ProjectParticipant_invitedById_idx" ON "ProjectParticipant"("invitedById");

-- CreateIndex
CREATE INDEX "ProjectParticipant_respondedById_idx" ON "ProjectParticipant"("respondedById");

-- CreateIndex
CREATE UNIQUE INDEX "ProjectParticipant_projectId_councilId_key" ON "ProjectParticipant"("projectId", "councilId");

