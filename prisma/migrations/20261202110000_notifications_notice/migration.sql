-- AlterTable
ALTER TABLE "OutgoingMail" ADD COLUMN "headers" TEXT;

-- CreateTable
CREATE TABLE "NotificationPreference" (
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("userId", "kind"),
    CONSTRAINT "NotificationPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DigestItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    CONSTRAINT "DigestItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: the vacancy notice's fields (ADD COLUMN rather than a redefinition of the table,
-- so that columns other branches add to Position are kept whatever the order of migrations).
ALTER TABLE "Position" ADD COLUMN "vacancyReason" TEXT;
ALTER TABLE "Position" ADD COLUMN "vacancyCause" TEXT;
ALTER TABLE "Position" ADD COLUMN "versant" TEXT NOT NULL DEFAULT 'TERRITORIALE';
ALTER TABLE "Position" ADD COLUMN "metierCode" TEXT;
ALTER TABLE "Position" ADD COLUMN "workplace" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Position" ADD COLUMN "applicationsTo" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Position" ADD COLUMN "contractGround" TEXT;

-- CreateIndex
CREATE INDEX "DigestItem_sentAt_createdAt_idx" ON "DigestItem"("sentAt", "createdAt");

-- CreateIndex
CREATE INDEX "DigestItem_userId_sentAt_idx" ON "DigestItem"("userId", "sentAt");

