import { getMetier } from "~/reference/metiers";

/**
 * The vacancy notice's rules that need no database: what a position still lacks before it may
 * be published (décret n° 2018-1351, art. 3) and whether it would stay online long enough.
 * Pure, so that the position page, the printable notice and the tests read the same verdict.
 */

/** The position's fields the notice reads (dates as YYYY-MM-DD, in France). */
export type NoticeFields = {
  title: string;
  vacancyReason: string | null;
  vacancyCause: string | null;
  cadresEmplois: string[];
  grades: string[];
  emploiFonctionnel: string | null;
  metierCode: string | null;
  missions: string;
  workplace: string;
  communeCode: string;
  startDate: string | null;
  deadline: string | null;
  applicationsTo: string;
  openToContractuels: boolean;
  contractGround: string | null;
};

/** A missing item: the editor's field it points to, and what to do, in French. */
export type NoticeGap = { field: string; label: string };

export function noticeGaps(p: NoticeFields): NoticeGap[] {
  const gaps: NoticeGap[] = [];
  const gap = (field: string, label: string) => gaps.push({ field, label });
  if (!p.vacancyReason) gap("vacancyReason", "Indiquez le motif de la vacance : création, vacance après un départ ou renouvellement.");
  else if (p.vacancyReason === "VACANCE" && !p.vacancyCause) gap("vacancyCause", "Indiquez la cause du départ de l’agent (mutation, retraite…).");
  if (p.cadresEmplois.length === 0 && p.grades.length === 0 && !p.emploiFonctionnel) {
    gap("cadresEmplois", "Indiquez le ou les cadres d’emplois (ou grades) ouverts au recrutement.");
  }
  if (!getMetier(p.metierCode)) gap("metierCode", "Choisissez le métier dans le Répertoire des métiers territoriaux.");
  if (p.missions.trim().length < 20) gap("missions", "Décrivez les missions du poste.");
  if (!p.workplace.trim()) gap("workplace", "Indiquez le lieu de travail.");
  if (!p.startDate) gap("startDate", "Indiquez la date à laquelle le poste est à pourvoir.");
  if (!p.applicationsTo.trim()) gap("applicationsTo", "Indiquez à qui adresser les candidatures.");
  if (!p.deadline) gap("deadline", "Indiquez la date limite de candidature.");
  if (p.openToContractuels && !p.contractGround) gap("contractGround", "Indiquez le fondement juridique du recrutement d’un contractuel (par exemple l’article L332-8 du CGFP).");
  return gaps;
}

/** "2026-12-31" one calendar month later: "2027-01-31"; the 31st of a shorter month is its last day. */
export function addOneMonth(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const year = m === 12 ? y + 1 : y;
  const month = m === 12 ? 1 : m + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * Whether the offer would be online less than one month before its deadline: from its
 * publication, or from `today` for a draft (it would be published today at the soonest). The
 * customary minimum between the publicity of a vacancy and a recruitment is one month.
 */
export function tooShortOnline({ deadline, publishedOn, today }: { deadline: string | null; publishedOn: string | null; today: string }): boolean {
  if (!deadline) return false;
  return deadline < addOneMonth(publishedOn ?? today);
}
