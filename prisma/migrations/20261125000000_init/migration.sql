-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "officialKey" TEXT NOT NULL,
    "siren" TEXT,
    "collectiviteType" TEXT,
    "code" TEXT,
    "departementCode" TEXT,
    "regionCode" TEXT,
    "population" INTEGER,
    "communeCode" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "organizationId" TEXT,
    "isCabinetLead" BOOLEAN NOT NULL DEFAULT false,
    "privacyAcceptedAt" DATETIME,
    "lastActiveAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "isCabinetLead" BOOLEAN NOT NULL DEFAULT false,
    "organizationId" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutgoingMail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "error" TEXT
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "createdById" TEXT,
    "state" TEXT NOT NULL DEFAULT 'DRAFT',
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "title" TEXT NOT NULL,
    "filiere" TEXT NOT NULL,
    "categorie" TEXT NOT NULL,
    "cadresEmplois" TEXT NOT NULL DEFAULT '[]',
    "grades" TEXT NOT NULL DEFAULT '[]',
    "emploiFonctionnel" TEXT,
    "strate" TEXT,
    "openToTitulaires" BOOLEAN NOT NULL DEFAULT true,
    "openToContractuels" BOOLEAN NOT NULL DEFAULT false,
    "fullTime" BOOLEAN NOT NULL DEFAULT true,
    "hoursPerWeek" REAL,
    "communeCode" TEXT NOT NULL,
    "startDate" DATETIME,
    "deadline" DATETIME,
    "missions" TEXT NOT NULL DEFAULT '',
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "teamSize" INTEGER,
    "budgetManaged" INTEGER,
    "salaryMin" INTEGER,
    "salaryMax" INTEGER,
    "ifse" INTEGER,
    "cia" INTEGER,
    "nbiPoints" INTEGER,
    "benefits" TEXT NOT NULL DEFAULT '[]',
    "housing" TEXT NOT NULL DEFAULT 'NONE',
    "housingHelp" BOOLEAN NOT NULL DEFAULT false,
    "rentT3" INTEGER,
    "temporaryAccommodation" BOOLEAN NOT NULL DEFAULT false,
    "stationDistanceKm" REAL,
    "stationTimeMin" INTEGER,
    "publicTransport" TEXT NOT NULL DEFAULT '',
    "serviceVehicle" BOOLEAN NOT NULL DEFAULT false,
    "remoteDays" INTEGER NOT NULL DEFAULT 0,
    "relocationHelp" BOOLEAN NOT NULL DEFAULT false,
    "spouseJobHelp" BOOLEAN NOT NULL DEFAULT false,
    "territory" TEXT NOT NULL DEFAULT '',
    "projects" TEXT NOT NULL DEFAULT '',
    "publishedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Position_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PositionEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "positionId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "userId" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PositionEvent_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "PositionEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "positionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "function" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "CommitteeMember_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "positionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Criterion_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Mission" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "positionId" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Mission_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Mission_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "CandidateProfile" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "pseudonym" TEXT NOT NULL,
    "visibility" TEXT NOT NULL DEFAULT 'HIDDEN',
    "status" TEXT,
    "filiere" TEXT,
    "categorie" TEXT,
    "cadreEmplois" TEXT,
    "grade" TEXT,
    "currentEmployerKey" TEXT,
    "currentEmployerName" TEXT,
    "currentFunction" TEXT,
    "yearsExperience" INTEGER,
    "previousPosts" TEXT NOT NULL DEFAULT '[]',
    "diplomas" TEXT NOT NULL DEFAULT '[]',
    "competencies" TEXT NOT NULL DEFAULT '[]',
    "languages" TEXT NOT NULL DEFAULT '[]',
    "summary" TEXT NOT NULL DEFAULT '',
    "wishedFunctions" TEXT NOT NULL DEFAULT '[]',
    "wishedFilieres" TEXT NOT NULL DEFAULT '[]',
    "wishedCategories" TEXT NOT NULL DEFAULT '[]',
    "homeCommuneCode" TEXT,
    "maxDistanceKm" INTEGER,
    "willingToRelocate" BOOLEAN NOT NULL DEFAULT false,
    "needsHousing" BOOLEAN NOT NULL DEFAULT false,
    "salaryExpectation" INTEGER,
    "remoteDaysWished" INTEGER,
    "availableFrom" DATETIME,
    "cvFile" TEXT,
    "cvSize" INTEGER,
    "cvUploadedAt" DATETIME,
    "consentAt" DATETIME,
    "lastActivityAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "CandidateProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HiddenOrganization" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "officialKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "HiddenOrganization_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "letter" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'SENT',
    "internalNote" TEXT NOT NULL DEFAULT '',
    "score" INTEGER,
    "withdrawnAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Application_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Application_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "profileId" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "consultantId" TEXT,
    "missionId" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" DATETIME,
    CONSTRAINT "ContactRequest_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactRequest_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Organization" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ContactRequest_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "ContactRequest_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "missionId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Message_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "lastRunAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "indexName" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "Organization_officialKey_key" ON "Organization"("officialKey");

-- CreateIndex
CREATE INDEX "Organization_kind_idx" ON "Organization"("kind");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "User_organizationId_idx" ON "User"("organizationId");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE UNIQUE INDEX "PasswordReset_tokenHash_key" ON "PasswordReset"("tokenHash");

-- CreateIndex
CREATE INDEX "OutgoingMail_to_idx" ON "OutgoingMail"("to");

-- CreateIndex
CREATE INDEX "Position_organizationId_state_idx" ON "Position"("organizationId", "state");

-- CreateIndex
CREATE INDEX "Position_state_publishedAt_idx" ON "Position"("state", "publishedAt");

-- CreateIndex
CREATE INDEX "PositionEvent_positionId_idx" ON "PositionEvent"("positionId");

-- CreateIndex
CREATE INDEX "CommitteeMember_positionId_idx" ON "CommitteeMember"("positionId");

-- CreateIndex
CREATE INDEX "Criterion_positionId_idx" ON "Criterion"("positionId");

-- CreateIndex
CREATE INDEX "Mission_cabinetId_idx" ON "Mission"("cabinetId");

-- CreateIndex
CREATE UNIQUE INDEX "Mission_positionId_cabinetId_key" ON "Mission"("positionId", "cabinetId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateProfile_userId_key" ON "CandidateProfile"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "CandidateProfile_pseudonym_key" ON "CandidateProfile"("pseudonym");

-- CreateIndex
CREATE INDEX "CandidateProfile_visibility_idx" ON "CandidateProfile"("visibility");

-- CreateIndex
CREATE INDEX "HiddenOrganization_officialKey_idx" ON "HiddenOrganization"("officialKey");

-- CreateIndex
CREATE UNIQUE INDEX "HiddenOrganization_profileId_officialKey_key" ON "HiddenOrganization"("profileId", "officialKey");

-- CreateIndex
CREATE INDEX "Application_positionId_idx" ON "Application"("positionId");

-- CreateIndex
CREATE UNIQUE INDEX "Application_profileId_positionId_key" ON "Application"("profileId", "positionId");

-- CreateIndex
CREATE INDEX "ContactRequest_profileId_idx" ON "ContactRequest"("profileId");

-- CreateIndex
CREATE INDEX "ContactRequest_cabinetId_idx" ON "ContactRequest"("cabinetId");

-- CreateIndex
CREATE INDEX "Message_missionId_profileId_idx" ON "Message"("missionId", "profileId");

-- CreateIndex
CREATE INDEX "SavedSearch_userId_idx" ON "SavedSearch"("userId");

-- CreateIndex
CREATE INDEX "SearchOutbox_nextAttemptAt_idx" ON "SearchOutbox"("nextAttemptAt");

