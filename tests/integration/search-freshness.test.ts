import { describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { drainOutbox } from "../../search/outbox";
import { getSearchClient } from "../../search/client";
import { enqueueAvailabilityChanges } from "../../search/freshness";
import { createUser } from "../helpers/http";

const DAY = 24 * 60 * 60 * 1000;

async function profileAvailableFrom(date: Date, visibility = "ANONYMOUS") {
  const user = await createUser("CANDIDATE");
  return db.candidateProfile.create({
    data: { userId: user.id, pseudonym: `Profil F${user.id.slice(-8)}`, visibility, availableFrom: date, competencies: JSON.stringify(["Fraîcheur"]) },
  });
}

describe("availability that goes stale as time passes", () => {
  it("re-sends the profiles whose availability crossed a bucket limit, and only those", async () => {
    const now = new Date();
    const since = new Date(now.getTime() - DAY);
    const nowAvailable = await profileAvailableFrom(new Date(now.getTime() - DAY / 2));
    const inThreeMonths = new Date(now);
    inThreeMonths.setMonth(inThreeMonths.getMonth() + 3);
    const enteringThreeMonths = await profileAvailableFrom(new Date(inThreeMonths.getTime() - DAY / 2));
    const unchanged = await profileAvailableFrom(new Date(now.getTime() + 40 * DAY));
    const hidden = await profileAvailableFrom(new Date(now.getTime() - DAY / 2), "HIDDEN");
    await db.searchOutbox.deleteMany({ where: { entityId: { in: [nowAvailable.id, enteringThreeMonths.id, unchanged.id, hidden.id] } } });

    await enqueueAvailabilityChanges(db, since, now);
    const queued = (await db.searchOutbox.findMany({ where: { indexName: "candidates" }, select: { entityId: true } })).map((r) => r.entityId);
    expect(queued).toContain(nowAvailable.id);
    expect(queued).toContain(enteringThreeMonths.id);
    expect(queued).not.toContain(unchanged.id);
    expect(queued).not.toContain(hidden.id);
  });

  it("turns an indexed « in 3 months » profile into « immediate » once its date has passed", async () => {
    const client = getSearchClient();
    const soon = await profileAvailableFrom(new Date(Date.now() + 60 * 60 * 1000));
    await db.searchOutbox.create({ data: { indexName: "candidates", entityId: soon.id } });
    await drainOutbox({ db, client });
    expect((await client.index("candidates").getDocument(soon.id)).availability).toBe("3mois");

    // An hour and a half later, as the hourly timer would see it.
    await db.candidateProfile.update({ where: { id: soon.id }, data: { availableFrom: new Date(Date.now() - 30 * 60 * 1000) } });
    await db.searchOutbox.deleteMany({ where: { entityId: soon.id } });
    await enqueueAvailabilityChanges(db, new Date(Date.now() - 90 * 60 * 1000), new Date());
    await drainOutbox({ db, client });
    expect((await client.index("candidates").getDocument(soon.id)).availability).toBe("immediate");
  });
});
