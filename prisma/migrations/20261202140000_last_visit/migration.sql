-- AlterTable
ALTER TABLE "User" ADD COLUMN "homeChangesSince" DATETIME;
ALTER TABLE "User" ADD COLUMN "homeSeenAt" DATETIME;

-- AlterTable
ALTER TABLE "Application" ADD COLUMN "stateChangedAt" DATETIME;

