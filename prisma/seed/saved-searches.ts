import { parseTalentSearch, talentSearchQuery } from "~/schemas/talent-search";
import { DEMO_ACCOUNTS } from "./accounts";
import type { Clock } from "./dates";
import type { SavedSearchPlan } from "./plan";
import { stableId } from "./random";

/**
 * consultant@'s saved talent searches, run a week ago: « Mes recherches » then shows them with
 * the profiles active since. Stored as the talent search page stores them (canonical, no page).
 */
export function generateSavedSearches(clock: Clock): SavedSearchPlan[] {
  const email = DEMO_ACCOUNTS.consultant;
  const searches = [
    { name: "Finances, catégorie A, autour de Mende", query: "q=finances&categorie=A&commune=48095&radius=100", createdAt: clock.days(-30, 10) },
    { name: "Directions générales, Massif central", query: "q=directeur%20g%C3%A9n%C3%A9ral&filiere=administrative&region=84&region=76&region=75", createdAt: clock.days(-12, 15) },
  ];
  return searches.map((s) => ({
    id: stableId("saved-search", `${email}:${s.name}`),
    email,
    name: s.name,
    query: talentSearchQuery(parseTalentSearch(new URLSearchParams(s.query)).search, { page: false }),
    lastRunAt: clock.days(-7, 9),
    createdAt: s.createdAt,
  }));
}
