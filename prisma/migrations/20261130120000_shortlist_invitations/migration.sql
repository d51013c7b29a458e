-- AlterTable
ALTER TABLE "ShortlistEntry" ADD COLUMN "invitedAt" DATETIME;
