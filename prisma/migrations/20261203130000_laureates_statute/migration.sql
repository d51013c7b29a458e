-- AlterTable
ALTER TABLE "CandidateProfile" ADD COLUMN "anonymousStep" INTEGER;
ALTER TABLE "CandidateProfile" ADD COLUMN "laureateCadre" TEXT;
ALTER TABLE "CandidateProfile" ADD COLUMN "laureateYear" INTEGER;

