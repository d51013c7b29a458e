-- AlterTable
ALTER TABLE "OutgoingMail" ADD COLUMN "attachments" TEXT;

-- CreateTable
CREATE TABLE "Presentation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "consentId" TEXT NOT NULL,
    "strengths" TEXT NOT NULL,
    "attention" TEXT NOT NULL,
    "salaryExpected" TEXT NOT NULL DEFAULT '',
    "housing" TEXT NOT NULL DEFAULT '',
    "spouseJob" TEXT NOT NULL DEFAULT '',
    "availableFrom" DATETIME,
    "cvFile" TEXT,
    "cabinetScore" INTEGER,
    "cabinetCriteria" TEXT NOT NULL DEFAULT '[]',
    "presentedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "presentedById" TEXT,
    "withdrawnAt" DATETIME,
    "decision" TEXT,
    "decidedAt" DATETIME,
    "decidedById" TEXT,
    "decidedByName" TEXT NOT NULL DEFAULT '',
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "startDate" DATETIME,
    "feedbackGivenAt" DATETIME,
    CONSTRAINT "Presentation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Presentation_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "ConsentRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeInterview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presentationId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "place" TEXT NOT NULL DEFAULT '',
    "videoLink" TEXT NOT NULL DEFAULT '',
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "startsAt" DATETIME,
    "proposedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CommitteeInterview_presentationId_fkey" FOREIGN KEY ("presentationId") REFERENCES "Presentation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewSlot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "interviewId" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    CONSTRAINT "InterviewSlot_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "CommitteeInterview" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeScore" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presentationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "scores" TEXT NOT NULL DEFAULT '[]',
    "total" INTEGER NOT NULL,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CommitteeScore_presentationId_fkey" FOREIGN KEY ("presentationId") REFERENCES "Presentation" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitteeScore_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CommitteeMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "presentationId" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "withWhom" TEXT NOT NULL,
    "dueOn" DATETIME NOT NULL,
    "heldOn" DATETIME,
    "notes" TEXT NOT NULL DEFAULT '',
    "signal" TEXT,
    "recordedById" TEXT,
    "reminderSentAt" DATETIME,
    CONSTRAINT "FollowUp_presentationId_fkey" FOREIGN KEY ("presentationId") REFERENCES "Presentation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "isCabinetLead" BOOLEAN NOT NULL DEFAULT false,
    "committeeMemberId" TEXT,
    "organizationId" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_committeeMemberId_fkey" FOREIGN KEY ("committeeMemberId") REFERENCES "CommitteeMember" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Invitation" ("acceptedAt", "createdAt", "email", "expiresAt", "id", "invitedById", "isCabinetLead", "name", "organizationId", "role", "tokenHash") SELECT "acceptedAt", "createdAt", "email", "expiresAt", "id", "invitedById", "isCabinetLead", "name", "organizationId", "role", "tokenHash" FROM "Invitation";
DROP TABLE "Invitation";
ALTER TABLE "new_Invitation" RENAME TO "Invitation";
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");
CREATE TABLE "new_CommitteeMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "positionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "function" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    "userId" TEXT,
    "email" TEXT,
    "invitedAt" DATETIME,
    CONSTRAINT "CommitteeMember_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommitteeMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CommitteeMember" ("function", "id", "name", "positionId", "role", "sort") SELECT "function", "id", "name", "positionId", "role", "sort" FROM "CommitteeMember";
DROP TABLE "CommitteeMember";
ALTER TABLE "new_CommitteeMember" RENAME TO "CommitteeMember";
CREATE INDEX "CommitteeMember_positionId_idx" ON "CommitteeMember"("positionId");
CREATE INDEX "CommitteeMember_userId_idx" ON "CommitteeMember"("userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "Presentation_entryId_key" ON "Presentation"("entryId");

-- CreateIndex
CREATE INDEX "Presentation_positionId_idx" ON "Presentation"("positionId");

-- CreateIndex
CREATE INDEX "Presentation_missionId_idx" ON "Presentation"("missionId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeInterview_uid_key" ON "CommitteeInterview"("uid");

-- CreateIndex
CREATE INDEX "CommitteeInterview_presentationId_idx" ON "CommitteeInterview"("presentationId");

-- CreateIndex
CREATE INDEX "InterviewSlot_interviewId_idx" ON "InterviewSlot"("interviewId");

-- CreateIndex
CREATE UNIQUE INDEX "CommitteeScore_presentationId_memberId_key" ON "CommitteeScore"("presentationId", "memberId");

-- CreateIndex
CREATE INDEX "FollowUp_missionId_idx" ON "FollowUp"("missionId");

-- CreateIndex
CREATE INDEX "FollowUp_dueOn_idx" ON "FollowUp"("dueOn");

-- CreateIndex
CREATE UNIQUE INDEX "FollowUp_presentationId_months_withWhom_key" ON "FollowUp"("presentationId", "months", "withWhom");

