import { randomBytes } from "node:crypto";
import os from "node:os";
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "./db.server";

/**
 * Leases on shared work, so that several portal instances on one database do it once
 * (docs/decisions/140). A lease is a JobLease row: taken by a conditional update — the row is
 * expired, or already ours — which one statement decides on SQLite (one writer at a time) and on
 * PostgreSQL (the second UPDATE waits for the first's row lock, then re-reads the condition and
 * finds the lease taken). The first time a name is used, the row is created; of two creations
 * at once the primary key keeps one.
 *
 * Expiry is read with each instance's own clock: instances must keep their clocks in time
 * (NTP), as any host behind one reverse proxy does.
 */

/** This process, as a lease holder: stable for its life, unique across hosts and restarts. */
export const LEASE_HOLDER = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;

export type LeaseOptions = {
  holder?: string;
  now?: Date;
  /**
   * true (the outbox's drainer): a lease we hold is extended. false (a periodic job): only an
   * expired lease is taken, so that the job runs once per ttl however often it is tried.
   */
  renew?: boolean;
};

/** Takes (or renews) the lease `name` for ttlMs: true when it is ours until then, false when not. */
export async function acquireLease(db: Db, name: string, ttlMs: number, { holder = LEASE_HOLDER, now = new Date(), renew = true }: LeaseOptions = {}): Promise<boolean> {
  const expiresAt = new Date(now.getTime() + ttlMs);
  const expired = { expiresAt: { lte: now } };
  const taken = await db.jobLease.updateMany({
    where: { name, ...(renew ? { OR: [expired, { holder }] } : expired) },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db.jobLease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // The row exists: another holder has the lease (or created it just now).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Ends our lease at once (the work failed, or the process stops), so that another can take it. */
export async function releaseLease(db: Db, name: string, { holder = LEASE_HOLDER, now = new Date() }: Pick<LeaseOptions, "holder" | "now"> = {}): Promise<void> {
  await db.jobLease.updateMany({ where: { name, holder }, data: { expiresAt: now } });
}

/**
 * Runs work while holding the lease `name`, waiting (polling every pollMs) while another holds
 * it; the lease is renewed every third of ttlMs while the work lasts, and given back after.
 * For one-off work that instances must not do at once (building the indexes at start).
 */
export async function withLease<T>(db: Db, name: string, work: () => Promise<T>, { ttlMs = 60_000, pollMs = 1000 }: { ttlMs?: number; pollMs?: number } = {}): Promise<T> {
  while (!(await acquireLease(db, name, ttlMs))) await new Promise((r) => setTimeout(r, pollMs));
  const heartbeat = setInterval(() => void acquireLease(db, name, ttlMs).catch(() => {}), ttlMs / 3);
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
    await releaseLease(db, name);
  }
}
