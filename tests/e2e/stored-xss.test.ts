import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { closeBrowser, expectNoBrowserErrors, newPage, queryPortal, signIn, waitForHydration } from "../helpers/e2e";

afterAll(closeBrowser);

/**
 * Stored XSS: script payloads written into the free-text fields of the demo data — what
 * candidates, employers, consultants, committee members and the portal itself store and show to
 * others — are rendered as text, in Chromium, to every role that sees them. A dialog, a page
 * error (or any browser error, a CSP refusal included) or an element of the payload in the page
 * fails the test. The fields are written straight into the portal's database (as a form would
 * store them: they are plain text there), and put back as they were afterwards.
 */

const PAYLOAD = ` <img src=x id="xss-img" onerror="alert('img')"><script id="xss-script">alert('script')</script><svg id="xss-svg" onload="alert('svg')"></svg>"'></textarea><b id="xss-b">gras</b>`;
const SHOWN = `<img src=x id="xss-img"`;
const INJECTED = "#xss-img, #xss-script, #xss-svg, #xss-b";

type Row = Record<string, string>;

/** The demo rows the payload goes into: [table, id, column], found by what the demo says of them. */
function targets() {
  const one = <T = Row>(sql: string, ...params: unknown[]) => {
    const [row] = queryPortal<T>(sql, ...params);
    if (!row) throw new Error(`the demo data has nothing for: ${sql}`);
    return row;
  };
  const candidate = one(`SELECT u.id AS userId, p.id AS profileId FROM User u JOIN CandidateProfile p ON p.userId = u.id WHERE u.email = 'candidat@vivier.test'`);
  const employer = one(`SELECT organizationId FROM User WHERE email = 'dgs@vivier.test'`);
  const offer = one(`SELECT id FROM Position WHERE organizationId = ? AND state = 'PUBLISHED' AND confidential = 0 ORDER BY createdAt LIMIT 1`, employer.organizationId);
  const entry = one(`SELECT e.id, e.missionId FROM ShortlistEntry e JOIN Mission m ON m.id = e.missionId JOIN Position p ON p.id = m.positionId WHERE e.profileId = ? AND p.organizationId = ? LIMIT 1`, candidate.profileId, employer.organizationId);
  const thread = one(`SELECT missionId FROM Message WHERE profileId = ? LIMIT 1`, candidate.profileId);
  const presented = one(`SELECT pr.id, pr.positionId FROM Presentation pr JOIN CommitteeMember c ON c.positionId = pr.positionId JOIN User u ON u.id = c.userId WHERE u.email = 'comite@vivier.test' AND pr.withdrawnAt IS NULL LIMIT 1`);
  const fields: Array<[table: string, where: string, params: unknown[], column: string]> = [
    ["User", "id = ?", [candidate.userId], "name"],
    ["CandidateProfile", "id = ?", [candidate.profileId], "currentFunction"],
    ["Position", "id = ?", [offer.id], "title"],
    ["Message", "profileId = ? AND missionId = ?", [candidate.profileId, thread.missionId], "body"],
    ["InterviewNote", "entryId = ?", [entry.id], "competences"],
    ["Referee", "profileId = ?", [candidate.profileId], "name"],
    ["Presentation", "id = ?", [presented.id], "strengths"],
    ["AuditEvent", "1 = 1", [], "actorName"],
    ["OutgoingMail", "1 = 1", [], "subject"],
  ];
  return { candidate, offer, entry, thread, presented, fields };
}

let demo: ReturnType<typeof targets>;
const saved: Array<{ table: string; column: string; id: string; value: string }> = [];

function portalDb() {
  const sqlite = new Database(inject("databaseFile"), { fileMustExist: true });
  sqlite.pragma("busy_timeout = 10000");
  return sqlite;
}

beforeAll(() => {
  demo = targets();
  const sqlite = portalDb();
  try {
    sqlite.transaction(() => {
      for (const [table, where, params, column] of demo.fields) {
        const rows = sqlite.prepare(`SELECT id, "${column}" AS value FROM "${table}" WHERE ${where}`).all(...params) as Array<{ id: string; value: string }>;
        expect(rows.length, `${table}.${column} of the demo`).toBeGreaterThan(0);
        for (const row of rows) {
          saved.push({ table, column, id: row.id, value: row.value });
          sqlite.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE id = ?`).run(`${row.value}${PAYLOAD}`, row.id);
        }
      }
    })();
  } finally {
    sqlite.close();
  }
});

afterAll(() => {
  const sqlite = portalDb();
  try {
    sqlite.transaction(() => {
      for (const { table, column, id, value } of saved) sqlite.prepare(`UPDATE "${table}" SET "${column}" = ? WHERE id = ?`).run(value, id);
    })();
  } finally {
    sqlite.close();
  }
});

/** Opens each page and checks that the payload is there as text, and nothing of it ran or became an element. */
async function visit(page: Page, paths: string[]) {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${page.url()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await waitForHydration(page);
    expect(await page.locator("body").innerText(), `${path} shows the payload as text`).toContain(SHOWN);
    expect(await page.locator(INJECTED).count(), `${path} has no element of the payload`).toBe(0);
    expectNoBrowserErrors(page, path);
  }
  expect(dialogs).toEqual([]);
}

async function as(email: string | null, paths: (d: typeof demo) => string[]) {
  const page = await newPage();
  if (email) await signIn(page, email);
  await visit(page, paths(demo));
  await page.context().close();
}

describe("stored script payloads, rendered as text to every role that sees them", () => {
  it("to an anonymous visitor: the offer", async () => {
    await as(null, (d) => [`/offres/${d.offer.id}`]);
  });

  it("to the candidate: their own name, their conversation, their referees", async () => {
    await as("candidat@vivier.test", (d) => ["/candidat", `/candidat/messages/${d.thread.missionId}`, "/candidat/references", `/offres/${d.offer.id}`]);
  });

  it("to the consultant: the candidate's name and function, the interview notes, the conversation", async () => {
    await as("consultant@vivier.test", (d) => [`/cabinet/missions/${d.entry.missionId}/candidats/${d.entry.id}`, `/cabinet/missions/${d.thread.missionId}/messages/${d.candidate.profileId}`]);
  });

  it("to the employer: the position and the finalist's synthesis", async () => {
    await as("dgs@vivier.test", (d) => [`/employeur/postes/${d.offer.id}`, "/employeur/postes", `/employeur/postes/${d.presented.positionId}/finalistes/${d.presented.id}`]);
  });

  it("to the committee member: the finalist's synthesis", async () => {
    await as("comite@vivier.test", (d) => [`/employeur/postes/${d.presented.positionId}/finalistes/${d.presented.id}`]);
  });

  it("to the admin: the journal and the mails", async () => {
    await as("admin@vivier.test", () => ["/admin/journal", "/admin/courriels"]);
  });
});
