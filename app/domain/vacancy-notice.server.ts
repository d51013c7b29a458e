import { stringify } from "csv-stringify/sync";
import { asEmployer, employerPositionWhere } from "~/access/guards.server";
import { getMetier } from "~/reference/metiers";
import { filiereLabel, getCadre } from "~/reference/statute";
import { getCommune, getDepartement } from "~/reference/territory.server";
import {
  VACANCY_CAUSE_LABEL, VACANCY_REASON_LABEL, VERSANT_LABEL, contractGroundLabel, type VacancyCause, type VacancyReason,
} from "~/schemas/notice";
import { todayInFrance } from "~/schemas/position";
import { db } from "~/utils/db.server";
import { jsonList } from "~/utils/json";
import type { SessionUser } from "~/utils/session.server";
import { noticeGaps, tooShortOnline, type NoticeFields } from "./vacancy-notice";

/**
 * The vacancy notice of a position (déclaration de vacance d'emploi, décret n° 2018-1351, art. 3)
 * as its collectivité prints it or sends it to its centre de gestion. Read through the gate's
 * employer rule: another collectivité's position, or none, is null (404 for the route).
 */

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export async function getVacancyNotice(user: SessionUser, id: string, now = new Date()) {
  const p = await db.position.findFirst({
    where: employerPositionWhere(asEmployer(user), id),
    include: { organization: { select: { name: true, siren: true } } },
  });
  if (!p) return null;
  const fields: NoticeFields = {
    title: p.title,
    vacancyReason: p.vacancyReason,
    vacancyCause: p.vacancyCause,
    cadresEmplois: jsonList<string>(p.cadresEmplois),
    grades: jsonList<string>(p.grades),
    emploiFonctionnel: p.emploiFonctionnel,
    metierCode: p.metierCode,
    missions: p.missions,
    workplace: p.workplace,
    communeCode: p.communeCode,
    startDate: day(p.startDate),
    deadline: day(p.deadline),
    applicationsTo: p.applicationsTo,
    openToContractuels: p.openToContractuels,
    contractGround: p.contractGround,
  };
  const commune = getCommune(p.communeCode);
  const departement = commune ? getDepartement(commune.departementCode) : undefined;
  const publishedOn = p.publishedAt ? todayInFrance(p.publishedAt) : null;
  return {
    id: p.id,
    state: p.state,
    title: p.title,
    organizationName: p.organization.name,
    siren: p.organization.siren,
    departement: departement ? `${departement.name} (${departement.code})` : "",
    commune: commune ? `${commune.name} (${commune.departementCode})` : p.communeCode,
    communeCode: p.communeCode,
    versant: VERSANT_LABEL[p.versant] ?? p.versant,
    reason: p.vacancyReason ? (VACANCY_REASON_LABEL[p.vacancyReason as VacancyReason] ?? p.vacancyReason) : "",
    cause: p.vacancyCause ? (VACANCY_CAUSE_LABEL[p.vacancyCause as VacancyCause] ?? p.vacancyCause) : "",
    metier: getMetier(p.metierCode)?.label ?? "",
    filiere: filiereLabel(p.filiere),
    categorie: p.categorie,
    cadres: fields.cadresEmplois.map((code) => getCadre(code)?.label ?? code),
    grades: fields.grades,
    emploiFonctionnel: p.emploiFonctionnel,
    openToTitulaires: p.openToTitulaires,
    openToContractuels: p.openToContractuels,
    contractGround: contractGroundLabel(p.contractGround),
    workingTime: p.fullTime ? "Temps complet" : `Temps non complet (${String(p.hoursPerWeek ?? "").replace(".", ",")} h par semaine)`,
    missions: p.missions,
    workplace: p.workplace,
    startDate: fields.startDate,
    deadline: fields.deadline,
    applicationsTo: p.applicationsTo,
    publishedOn,
    gaps: noticeGaps(fields),
    tooShortOnline: tooShortOnline({ deadline: fields.deadline, publishedOn, today: todayInFrance(now) }),
  };
}

export type VacancyNotice = NonNullable<Awaited<ReturnType<typeof getVacancyNotice>>>;

const frenchDate = (d: string | null) => (d ? `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}` : "");

/**
 * The notice's columns, in the order of a centre de gestion's déclaration de vacance: who
 * declares, which post (versant, métier, statutory frame), why it is open, on what terms, where
 * and from when, and how to apply. The README lists the same order; a test pins it.
 */
export const NOTICE_CSV_COLUMNS: ReadonlyArray<readonly [string, (n: VacancyNotice) => string]> = [
  ["Collectivité", (n) => n.organizationName],
  ["SIREN", (n) => n.siren ?? ""],
  ["Département", (n) => n.departement],
  ["Versant", (n) => n.versant],
  ["Intitulé du poste", (n) => n.title],
  ["Métier (Répertoire des métiers territoriaux)", (n) => n.metier],
  ["Filière", (n) => n.filiere],
  ["Catégorie", (n) => n.categorie],
  ["Cadres d’emplois", (n) => n.cadres.join(" | ")],
  ["Grades", (n) => n.grades.join(" | ")],
  ["Emploi fonctionnel", (n) => n.emploiFonctionnel ?? ""],
  ["Motif de la vacance", (n) => n.reason],
  ["Cause de la vacance", (n) => n.cause],
  ["Ouvert aux titulaires", (n) => (n.openToTitulaires ? "Oui" : "Non")],
  ["Ouvert aux contractuels", (n) => (n.openToContractuels ? "Oui" : "Non")],
  ["Fondement du recrutement contractuel", (n) => n.contractGround],
  ["Temps de travail", (n) => n.workingTime],
  ["Lieu de travail", (n) => n.workplace],
  ["Commune (code INSEE)", (n) => n.communeCode],
  ["Date de vacance du poste", (n) => frenchDate(n.startDate)],
  ["Date de publication", (n) => frenchDate(n.publishedOn)],
  ["Date limite de candidature", (n) => frenchDate(n.deadline)],
  ["Destinataire des candidatures", (n) => n.applicationsTo],
  ["Missions", (n) => n.missions],
  ["Référence Vivier", (n) => n.id],
];

/** The header and the notice's row (semicolons and a BOM, as French spreadsheets expect). */
export function noticeCsv(n: VacancyNotice): string {
  return "\uFEFF" + stringify([NOTICE_CSV_COLUMNS.map(([h]) => h), NOTICE_CSV_COLUMNS.map(([, value]) => value(n))], { delimiter: ";" });
}
