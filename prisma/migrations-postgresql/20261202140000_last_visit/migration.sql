-- PostgreSQL migration for prisma/migrations/20261202140000_last_visit: written by `npm run db:migration:postgresql`
-- (the whole schema, from nothing). Do not edit once applied.
-- CreateTable
CREATE TABLE "Organization" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "organizationId" TEXT,
    "isCabinetLead" BOOLEAN NOT NULL DEFAULT false,
    "privacyAcceptedAt" TIMESTAMP(3),
    "lastActiveAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retentionWarnedAt" TIMESTAMP(3),
    "homeSeenAt" TIMESTAMP(3),
    "homeChangesSince" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "isCabinetLead" BOOLEAN NOT NULL DEFAULT false,
    "committeeMemberId" TEXT,
    "organizationId" TEXT NOT NULL,
    "invitedById" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PasswordReset" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PasswordReset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutgoingMail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "error" TEXT,
    "headers" TEXT,

    CONSTRAINT "OutgoingMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL,
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
    "hoursPerWeek" DOUBLE PRECISION,
    "communeCode" TEXT NOT NULL,
    "startDate" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
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
    "stationDistanceKm" DOUBLE PRECISION,
    "stationTimeMin" INTEGER,
    "publicTransport" TEXT NOT NULL DEFAULT '',
    "serviceVehicle" BOOLEAN NOT NULL DEFAULT false,
    "remoteDays" INTEGER NOT NULL DEFAULT 0,
    "relocationHelp" BOOLEAN NOT NULL DEFAULT false,
    "spouseJobHelp" BOOLEAN NOT NULL DEFAULT false,
    "territory" TEXT NOT NULL DEFAULT '',
    "projects" TEXT NOT NULL DEFAULT '',
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "vacancyReason" TEXT,
    "vacancyCause" TEXT,
    "versant" TEXT NOT NULL DEFAULT 'TERRITORIALE',
    "metierCode" TEXT,
    "workplace" TEXT NOT NULL DEFAULT '',
    "applicationsTo" TEXT NOT NULL DEFAULT '',
    "contractGround" TEXT,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionEvent" (
    "id" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "userId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PositionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeMember" (
    "id" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "function" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    "userId" TEXT,
    "email" TEXT,
    "invitedAt" TIMESTAMP(3),

    CONSTRAINT "CommitteeMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Criterion" (
    "id" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "weight" INTEGER NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Criterion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Mission" (
    "id" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "presentationPlannedAt" TIMESTAMP(3),
    "briefSharedAt" TIMESTAMP(3),
    "briefAgreedAt" TIMESTAMP(3),
    "briefAgreedByName" TEXT,

    CONSTRAINT "Mission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissionConsultant" (
    "id" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissionConsultant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MissionBrief" (
    "id" TEXT NOT NULL,
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
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MissionBrief_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistEntry" (
    "id" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "profileId" TEXT,
    "externalName" TEXT,
    "externalEmail" TEXT,
    "externalCvFile" TEXT,
    "inviteTokenHash" TEXT,
    "invitedAt" TIMESTAMP(3),
    "source" TEXT NOT NULL,
    "stage" TEXT NOT NULL DEFAULT 'IDENTIFIED',
    "stageChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "exitReason" TEXT,
    "feedback" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShortlistEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShortlistEvent" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "actorId" TEXT,
    "fromStage" TEXT,
    "toStage" TEXT NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortlistEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Scorecard" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "consultantId" TEXT NOT NULL,
    "scores" TEXT NOT NULL DEFAULT '[]',
    "total" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Scorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewNote" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "authorId" TEXT,
    "heldAt" TIMESTAMP(3) NOT NULL,
    "form" TEXT NOT NULL,
    "competences" TEXT NOT NULL DEFAULT '',
    "comportement" TEXT NOT NULL DEFAULT '',
    "adhesion" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentRequest" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "organizationName" TEXT,
    "positionTitle" TEXT,
    "requestedById" TEXT,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),
    "granted" BOOLEAN,
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "ConsentRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referee" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "contact" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referee_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferenceCheck" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "refereeId" TEXT,
    "refereeName" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "consultantId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReferenceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MessageTemplate" (
    "id" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MessageTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "organizationId" TEXT,
    "organizationName" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "profileId" TEXT,
    "missionId" TEXT,
    "detail" TEXT NOT NULL DEFAULT '',
    "clientAddress" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Presentation" (
    "id" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "consentId" TEXT NOT NULL,
    "strengths" TEXT NOT NULL,
    "attention" TEXT NOT NULL,
    "salaryExpected" TEXT NOT NULL DEFAULT '',
    "housing" TEXT NOT NULL DEFAULT '',
    "spouseJob" TEXT NOT NULL DEFAULT '',
    "availableFrom" TIMESTAMP(3),
    "cvFile" TEXT,
    "cabinetScore" INTEGER,
    "cabinetCriteria" TEXT NOT NULL DEFAULT '[]',
    "presentedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "presentedById" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "decision" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "decidedByName" TEXT NOT NULL DEFAULT '',
    "decisionNote" TEXT NOT NULL DEFAULT '',
    "startDate" TIMESTAMP(3),
    "feedbackGivenAt" TIMESTAMP(3),

    CONSTRAINT "Presentation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeInterview" (
    "id" TEXT NOT NULL,
    "presentationId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "place" TEXT NOT NULL DEFAULT '',
    "videoLink" TEXT NOT NULL DEFAULT '',
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "startsAt" TIMESTAMP(3),
    "proposedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CommitteeInterview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewSlot" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommitteeScore" (
    "id" TEXT NOT NULL,
    "presentationId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "scores" TEXT NOT NULL DEFAULT '[]',
    "total" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommitteeScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" TEXT NOT NULL,
    "presentationId" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "months" INTEGER NOT NULL,
    "withWhom" TEXT NOT NULL,
    "dueOn" TIMESTAMP(3) NOT NULL,
    "heldOn" TIMESTAMP(3),
    "notes" TEXT NOT NULL DEFAULT '',
    "signal" TEXT,
    "recordedById" TEXT,
    "reminderSentAt" TIMESTAMP(3),

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CandidateProfile" (
    "id" TEXT NOT NULL,
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
    "availableFrom" TIMESTAMP(3),
    "cvFile" TEXT,
    "cvSize" INTEGER,
    "cvUploadedAt" TIMESTAMP(3),
    "consentAt" TIMESTAMP(3),
    "lastActivityAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CandidateProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HiddenOrganization" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "officialKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "HiddenOrganization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Application" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "letter" TEXT NOT NULL DEFAULT '',
    "state" TEXT NOT NULL DEFAULT 'SENT',
    "internalNote" TEXT NOT NULL DEFAULT '',
    "score" INTEGER,
    "cvFile" TEXT,
    "withdrawnAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "stateChangedAt" TIMESTAMP(3),

    CONSTRAINT "Application_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "cabinetId" TEXT NOT NULL,
    "consultantId" TEXT,
    "missionId" TEXT,
    "message" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "ContactRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Message" (
    "id" TEXT NOT NULL,
    "missionId" TEXT NOT NULL,
    "profileId" TEXT NOT NULL,
    "authorId" TEXT,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "lastRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "id" SERIAL NOT NULL,
    "indexName" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,

    CONSTRAINT "SearchOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NotificationPreference_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "DigestItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationInterview" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "uid" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "place" TEXT NOT NULL DEFAULT '',
    "videoLink" TEXT NOT NULL DEFAULT '',
    "durationMin" INTEGER NOT NULL DEFAULT 60,
    "panel" TEXT NOT NULL DEFAULT '[]',
    "startsAt" TIMESTAMP(3),
    "candidateNote" TEXT NOT NULL DEFAULT '',
    "proposedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationInterview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationInterviewSlot" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApplicationInterviewSlot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApplicationMessage" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "authorId" TEXT,
    "authorName" TEXT NOT NULL,
    "fromCandidate" BOOLEAN NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ApplicationMessage_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "CommitteeMember_userId_idx" ON "CommitteeMember"("userId");

-- CreateIndex
CREATE INDEX "Criterion_positionId_idx" ON "Criterion"("positionId");

-- CreateIndex
CREATE INDEX "Mission_cabinetId_idx" ON "Mission"("cabinetId");

-- CreateIndex
CREATE UNIQUE INDEX "Mission_positionId_cabinetId_key" ON "Mission"("positionId", "cabinetId");

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

-- CreateIndex
CREATE INDEX "DigestItem_sentAt_createdAt_idx" ON "DigestItem"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "DigestItem_userId_sentAt_idx" ON "DigestItem"("userId", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "ApplicationInterview_uid_key" ON "ApplicationInterview"("uid");

-- CreateIndex
CREATE INDEX "ApplicationInterview_applicationId_idx" ON "ApplicationInterview"("applicationId");

-- CreateIndex
CREATE INDEX "ApplicationInterviewSlot_interviewId_idx" ON "ApplicationInterviewSlot"("interviewId");

-- CreateIndex
CREATE INDEX "ApplicationMessage_applicationId_createdAt_idx" ON "ApplicationMessage"("applicationId", "createdAt");

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_committeeMemberId_fkey" FOREIGN KEY ("committeeMemberId") REFERENCES "CommitteeMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PasswordReset" ADD CONSTRAINT "PasswordReset_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEvent" ADD CONSTRAINT "PositionEvent_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionEvent" ADD CONSTRAINT "PositionEvent_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeMember" ADD CONSTRAINT "CommitteeMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Criterion" ADD CONSTRAINT "Criterion_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Mission" ADD CONSTRAINT "Mission_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionConsultant" ADD CONSTRAINT "MissionConsultant_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionConsultant" ADD CONSTRAINT "MissionConsultant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionBrief" ADD CONSTRAINT "MissionBrief_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MissionBrief" ADD CONSTRAINT "MissionBrief_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEntry" ADD CONSTRAINT "ShortlistEntry_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEvent" ADD CONSTRAINT "ShortlistEvent_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortlistEvent" ADD CONSTRAINT "ShortlistEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Scorecard" ADD CONSTRAINT "Scorecard_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewNote" ADD CONSTRAINT "InterviewNote_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewNote" ADD CONSTRAINT "InterviewNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentRequest" ADD CONSTRAINT "ConsentRequest_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referee" ADD CONSTRAINT "Referee_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceCheck" ADD CONSTRAINT "ReferenceCheck_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceCheck" ADD CONSTRAINT "ReferenceCheck_refereeId_fkey" FOREIGN KEY ("refereeId") REFERENCES "Referee"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferenceCheck" ADD CONSTRAINT "ReferenceCheck_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MessageTemplate" ADD CONSTRAINT "MessageTemplate_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "ShortlistEntry"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Presentation" ADD CONSTRAINT "Presentation_consentId_fkey" FOREIGN KEY ("consentId") REFERENCES "ConsentRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeInterview" ADD CONSTRAINT "CommitteeInterview_presentationId_fkey" FOREIGN KEY ("presentationId") REFERENCES "Presentation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewSlot" ADD CONSTRAINT "InterviewSlot_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "CommitteeInterview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeScore" ADD CONSTRAINT "CommitteeScore_presentationId_fkey" FOREIGN KEY ("presentationId") REFERENCES "Presentation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CommitteeScore" ADD CONSTRAINT "CommitteeScore_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "CommitteeMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_presentationId_fkey" FOREIGN KEY ("presentationId") REFERENCES "Presentation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CandidateProfile" ADD CONSTRAINT "CandidateProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HiddenOrganization" ADD CONSTRAINT "HiddenOrganization_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Application" ADD CONSTRAINT "Application_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_cabinetId_fkey" FOREIGN KEY ("cabinetId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_consultantId_fkey" FOREIGN KEY ("consultantId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_missionId_fkey" FOREIGN KEY ("missionId") REFERENCES "Mission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_profileId_fkey" FOREIGN KEY ("profileId") REFERENCES "CandidateProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Message" ADD CONSTRAINT "Message_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationPreference" ADD CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DigestItem" ADD CONSTRAINT "DigestItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationInterview" ADD CONSTRAINT "ApplicationInterview_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationInterviewSlot" ADD CONSTRAINT "ApplicationInterviewSlot_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "ApplicationInterview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApplicationMessage" ADD CONSTRAINT "ApplicationMessage_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE CASCADE ON UPDATE CASCADE;

