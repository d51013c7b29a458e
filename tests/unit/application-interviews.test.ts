import { describe, expect, it } from "vitest";
import { applicationInterviewRefusal, applicationThreadClosure } from "~/access/rules";
import { APPLICATION_STATES } from "~/schemas/application";
import { employerStateChangeRefusal, employerStateOptions } from "~/schemas/employer-application";

/** The gate's rule 13 and the application's state moves (docs/decisions/070), every state × every position state. */

const POSITION_STATES = ["DRAFT", "PUBLISHED", "FILLED", "CLOSED"] as const;

describe("an application's thread (rule 13)", () => {
  for (const state of APPLICATION_STATES) {
    for (const positionState of POSITION_STATES) {
      const expected = state === "WITHDRAWN" ? "withdrawn" : state === "REJECTED" ? "rejected" : positionState === "FILLED" || positionState === "CLOSED" ? "position-ended" : null;
      it(`is ${expected ? `closed (${expected})` : "open"} for an application ${state} to a position ${positionState}`, () => {
        expect(applicationThreadClosure({ state, positionState })).toBe(expected);
      });
    }
  }
});

describe("an application's interviews (rule 13)", () => {
  for (const state of APPLICATION_STATES) {
    for (const positionState of POSITION_STATES) {
      const expected = state === "WITHDRAWN" ? "withdrawn" : state === "ACCEPTED" || state === "REJECTED" ? "decided" : positionState === "FILLED" || positionState === "CLOSED" ? "position-ended" : null;
      it(`are ${expected ? `refused (${expected})` : "possible"} for an application ${state} to a position ${positionState}`, () => {
        expect(applicationInterviewRefusal({ state, positionState })).toBe(expected);
      });
    }
  }
});

describe("the employer's state moves", () => {
  it("keep a decision once recorded, whatever is asked next", () => {
    for (const decided of ["ACCEPTED", "REJECTED"]) {
      for (const next of ["REVIEWING", "INTERVIEW", "ACCEPTED", "REJECTED"].filter((s) => s !== decided)) {
        expect(employerStateChangeRefusal(decided, next, false)).toMatch(/^La décision sur cette candidature est déjà enregistrée/);
      }
      expect(employerStateChangeRefusal(decided, decided, false)).toBeNull();
    }
  });

  it("leave the interview states to the interview, and allow only a decision while one is ahead", () => {
    expect(employerStateChangeRefusal("REVIEWING", "INTERVIEW_PROPOSED", false)).toMatch(/^Cet état suit l’entretien/);
    expect(employerStateChangeRefusal("INTERVIEW_BOOKED", "REVIEWING", true)).toMatch(/^Un entretien est proposé ou fixé/);
    expect(employerStateChangeRefusal("INTERVIEW_BOOKED", "ACCEPTED", true)).toBeNull();
    expect(employerStateChangeRefusal("INTERVIEW_BOOKED", "INTERVIEW_BOOKED", true)).toBeNull();
    // A fixed interview that has passed no longer holds the state.
    expect(employerStateChangeRefusal("INTERVIEW_BOOKED", "REVIEWING", false)).toBeNull();
    expect(employerStateChangeRefusal("WITHDRAWN", "REVIEWING", false)).toMatch(/^Le candidat a retiré/);
  });

  it("offer the current interview state in the list, so that saving a note keeps it", () => {
    expect(employerStateOptions("INTERVIEW_BOOKED")[0]).toEqual({ value: "INTERVIEW_BOOKED", label: "Entretien fixé (suit l’entretien)" });
    expect(employerStateOptions("REVIEWING").map((o) => o.value)).toEqual(["REVIEWING", "INTERVIEW", "ACCEPTED", "REJECTED"]);
  });
});
