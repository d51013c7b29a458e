import { describe, expect, it } from "vitest";
import { finalistSight, type FinalistFacts } from "~/access/rules";
import { addMonths, followUpState, parisLocalToUtc, utcToParisLocal } from "~/schemas/presentation";
import { scorecardTotal } from "~/schemas/scorecard";

const criteria = [{ id: "a", weight: 60 }, { id: "b", weight: 40 }];

describe("the weighted total of a scorecard", () => {
  it("gives 100 for every criterion at 4 and 25 for every one at 1", () => {
    expect(scorecardTotal(criteria, [{ criterionId: "a", score: 4 }, { criterionId: "b", score: 4 }])).toBe(100);
    expect(scorecardTotal(criteria, [{ criterionId: "a", score: 1 }, { criterionId: "b", score: 1 }])).toBe(25);
  });

  it("weighs each criterion by its weight", () => {
    // (60×4 + 40×2) / (4×100) = 0.8
    expect(scorecardTotal(criteria, [{ criterionId: "a", score: 4 }, { criterionId: "b", score: 2 }])).toBe(80);
  });

  it("has no total while a criterion is unscored or a score is out of 1–4", () => {
    expect(scorecardTotal(criteria, [{ criterionId: "a", score: 4 }])).toBeNull();
    expect(scorecardTotal(criteria, [{ criterionId: "a", score: 5 }, { criterionId: "b", score: 2 }])).toBeNull();
    expect(scorecardTotal([], [])).toBeNull();
  });
});

describe("how a presented finalist shows to the collectivité (rule 9)", () => {
  const open: FinalistFacts = { withdrawn: false, consentGranted: true, consentWithdrawn: false, listed: true, hiddenFromClient: false, decided: false };
  it("shows the identity while the consent stands and the candidate does not hide", () => {
    expect(finalistSight(open)).toBe("identity");
  });
  it("drops an undecided finalist who withdrew consent, hides, left the list or was withdrawn by the cabinet", () => {
    for (const change of [{ consentWithdrawn: true }, { hiddenFromClient: true }, { listed: false }, { withdrawn: true }, { consentGranted: false }]) {
      expect(finalistSight({ ...open, ...change }), JSON.stringify(change)).toBe("none");
    }
  });
  it("keeps a decision without identity once the finalist is gone", () => {
    expect(finalistSight({ ...open, decided: true, hiddenFromClient: true })).toBe("decision");
    expect(finalistSight({ ...open, decided: true, consentWithdrawn: true })).toBe("decision");
  });
});

describe("dates of the presentation", () => {
  it("reads a wall-clock time in Paris, summer and winter", () => {
    expect(parisLocalToUtc("2030-12-08T14:30")!.toISOString()).toBe("2030-12-08T13:30:00.000Z");
    expect(parisLocalToUtc("2030-07-08T14:30")!.toISOString()).toBe("2030-07-08T12:30:00.000Z");
    expect(utcToParisLocal(new Date("2030-07-08T12:30:00Z"))).toBe("2030-07-08T14:30");
    expect(parisLocalToUtc("8 décembre")).toBeNull();
  });

  it("puts the check-ins 1, 3 and 6 months after the start, at the end of a shorter month", () => {
    expect(addMonths(new Date("2027-01-15T00:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2027-02-15");
    expect(addMonths(new Date("2027-01-31T00:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(addMonths(new Date("2027-08-31T00:00:00Z"), 6).toISOString().slice(0, 10)).toBe("2028-02-29");
  });

  it("opens a check-in a week before its date and calls it late two weeks after", () => {
    const dueOn = new Date("2027-02-15T00:00:00Z");
    expect(followUpState({ dueOn, heldOn: null }, new Date("2027-02-07T00:00:00Z"))).toBe("upcoming");
    expect(followUpState({ dueOn, heldOn: null }, new Date("2027-02-08T00:00:00Z"))).toBe("due");
    expect(followUpState({ dueOn, heldOn: null }, new Date("2027-03-02T00:00:00Z"))).toBe("late");
    expect(followUpState({ dueOn, heldOn: dueOn }, new Date("2027-03-02T00:00:00Z"))).toBe("done");
  });
});
