-- The CV sent with an application, kept apart from the profile's current CV.
ALTER TABLE "Application" ADD COLUMN "cvFile" TEXT;
