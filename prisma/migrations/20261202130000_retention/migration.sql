-- AlterTable
ALTER TABLE "User" ADD COLUMN "retentionWarnedAt" DATETIME;

