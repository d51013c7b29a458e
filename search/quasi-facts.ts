import type { QuasiFacts } from "../app/access/anonymous-card";
import { getCommune } from "../app/reference/territory.server";

/** A profile's quasi-identifiers (the gate's rule 14), its place from its home commune. */
export function quasiFacts(row: { currentFunction: string | null; status: string | null; filiere: string | null; categorie: string | null; cadreEmplois: string | null; yearsExperience: number | null; homeCommuneCode: string | null; laureateCadre?: string | null }): QuasiFacts {
  const commune = row.homeCommuneCode ? getCommune(row.homeCommuneCode) : undefined;
  return {
    currentFunction: row.currentFunction,
    status: row.status,
    filiere: row.filiere,
    categorie: row.categorie,
    cadreEmplois: row.cadreEmplois,
    yearsExperience: row.yearsExperience,
    departementCode: commune?.departementCode ?? null,
    regionCode: commune?.regionCode ?? null,
    laureate: !!row.laureateCadre,
  };
}

