-- AlterTable
ALTER TABLE "Mission" ADD COLUMN "briefAgreedAt" DATETIME;
ALTER TABLE "Mission" ADD COLUMN "briefAgreedByName" TEXT;
ALTER TABLE "Mission" ADD COLUMN "briefSharedAt" DATETIME;
ALTER TABLE "Mission" ADD COLUMN "presentationPlannedAt" DATETIME;

-- CreateTable
CREATE TABLE "MissionConsultant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MissionConsultant_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MissionConsultant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MissionBrief" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "context" TEXT NOT NULL DEFAULT '',
    "transformation" TEXT NOT NULL DEFAULT '',
    "offer" TEXT NOT NULL DEFAULT '',
    "targetFunctions" TEXT NOT NULL DEFAULT '[]',
    "targetCollectiviteTypes" TEXT NOT NULL DEFAULT '[]',
    "targetSizes" TEXT NOT NULL DEFAULT '[]',
    "targetRegions" TEXT NOT NULL DEFAULT '[]',
    "priorityCompetencies" TEXT NOT NULL DEFAULT '[]',
    "careerPaths" TEXT NOT NULL DEFAULT '',
    "atypicalWelcome" BOOLEAN NOT NULL DEFAULT false,
    "atypicalTerms" TEXT NOT NULL DEFAULT '',
    "authorId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MissionBrief_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MissionBrief_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShortlistEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "profileId" TEXT,
    "externalName" TEXT,
    "externalEmail" TEXT,
    "externalCvFile" TEXT,
    "inviteTokenHash" TEXT,
    "source" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'IDENTIFIED',
    "stageChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "exitReason" TEXT,
    "feedback" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ShortlistEntry_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShortlistEntry_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ShortlistEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "actorId" TEXT,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ShortlistEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ShortlistEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "consultantId" TEXT NOT NULL,
    "scores" TEXT NOT NULL DEFAULT '[]',
    "total" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Scorecard_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Scorecard_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InterviewNote" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "authorId" TEXT,
    "heldAt" DATETIME NOT NULL,
    "form" TEXT NOT NULL,
    "competences" TEXT NOT NULL DEFAULT '',
    "comportement" TEXT NOT NULL DEFAULT '',
    "adhesion" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InterviewNote_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "InterviewNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsentRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organizationName" TEXT,
    "positionTitle" TEXT,
    "requestedById" TEXT,
    "requestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    "granted" BOOLEAN,
    "withdrawnAt" DATETIME,
    CONSTRAINT "ConsentRequest_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Referee" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "contact" TEXT NOT NULL DEFAULT '',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Referee_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferenceCheck" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "entryId" TEXT NOT NULL,
    "refereeId" TEXT,
    "refereeName" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "checkedAt" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "consultantId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReferenceCheck_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReferenceCheck_refereeId_fkey" FOREIGN KEY ("refereeId") REFERENCES "Referee" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ReferenceCheck_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cabinetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MessageTemplate_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "organizationId" TEXT,
    "organizationName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "profileId" TEXT,
    "missionId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '',
    "clientAddress" TEXT NOT NULL DEFAULT ''
);

-- CreateIndex
CREATE INDEX "MissionConsultant_userId_idx" ON "MissionConsultant"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "MissionConsultant_missionId_userId_key" ON "MissionConsultant"("missionId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "MissionBrief_missionId_version_key" ON "MissionBrief"("missionId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistEntry_inviteTokenHash_key" ON "ShortlistEntry"("inviteTokenHash");

-- CreateIndex
CREATE INDEX "ShortlistEntry_missionId_stage_idx" ON "ShortlistEntry"("missionId", "stage");

-- CreateIndex
CREATE INDEX "ShortlistEntry_profileId_idx" ON "ShortlistEntry"("profileId");

-- CreateIndex
CREATE UNIQUE INDEX "ShortlistEntry_missionId_profileId_key" ON "ShortlistEntry"("missionId", "profileId");

-- CreateIndex
CREATE INDEX "ShortlistEvent_entryId_at_idx" ON "ShortlistEvent"("entryId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Scorecard_entryId_consultantId_key" ON "Scorecard"("entryId", "consultantId");

-- CreateIndex
CREATE INDEX "InterviewNote_entryId_idx" ON "InterviewNote"("entryId");

-- CreateIndex
CREATE INDEX "ConsentRequest_entryId_kind_idx" ON "ConsentRequest"("entryId", "kind");

-- CreateIndex
CREATE INDEX "Referee_profileId_idx" ON "Referee"("profileId");

-- CreateIndex
CREATE INDEX "ReferenceCheck_entryId_idx" ON "ReferenceCheck"("entryId");

-- CreateIndex
CREATE INDEX "MessageTemplate_cabinetId_idx" ON "MessageTemplate"("cabinetId");

-- CreateIndex
CREATE INDEX "AuditEvent_profileId_at_idx" ON "AuditEvent"("profileId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_at_idx" ON "AuditEvent"("at");


-- Until now every consultant of a cabinet worked on all its missions: keep them on the missions
-- that exist, so that nobody loses a mission they were running. The lead assigns from now on.
INSERT INTO "MissionConsultant" ("id", "missionId", "userId", "createdAt")
SELECT 'mc' || lower(hex(randomblob(11))), "Mission"."id", "User"."id", CURRENT_TIMESTAMP
FROM "Mission" JOIN "User" ON "User"."organizationId" = "Mission"."cabinetId" AND "User"."role" = 'CONSULTANT';
