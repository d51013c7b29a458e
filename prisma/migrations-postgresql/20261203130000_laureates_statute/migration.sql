-- PostgreSQL migration for prisma/migrations/20261203130000_laureates_statute: written by `npm run db:migration:postgresql`
-- (prisma migrate diff from the schema the previous migrations reached). Do not edit once applied.
-- AlterTable
ALTER TABLE "CandidateProfile" ADD COLUMN     "anonymousStep" INTEGER,
ADD COLUMN     "laureateCadre" TEXT,
ADD COLUMN     "laureateYear" INTEGER;

