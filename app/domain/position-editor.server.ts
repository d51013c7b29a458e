import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { communeLabel, createPosition, ownsPosition, parsePositionForm, updatePosition } from "~/domain/positions.server";
import { asEmployer } from "~/access/guards.server";
import { formDataToPositionValues } from "~/schemas/position";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { db } from "~/utils/db.server";

/**
 * The action shared by "Nouveau poste" and "Modifier le poste": validate the posted form with
 * the schema the browser used (plus the official commune list), then create or update. On
 * refusal nothing is written and the typed values come back with an error next to each field.
 */
export async function positionEditorAction({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const id = params.id;
  // A committee member's account enters the employer space but edits no position: 403 before
  // the form is read, as for any page of the space that is not theirs.
  asEmployer(user);
  // Another collectivité's position (or none) is not found, whatever was posted.
  if (id && !(await ownsPosition(user, id))) throw notFound();

  const result = parsePositionForm(form, await employerSize(user.organization?.id));
  if (!result.ok) {
    return json({ values: result.values, communeLabel: result.communeLabel, fieldErrors: result.fieldErrors, formError: null as string | null }, { status: 400 });
  }
  if (!id) {
    const created = await createPosition(user, result.data);
    return redirect(`/employeur/postes/${created.id}?ok=cree`);
  }
  const updated = await updatePosition(user, id, result.data);
  if (!updated.ok) {
    if (updated.status === 404) throw notFound();
    const values = formDataToPositionValues(form);
    return json({ values, communeLabel: communeLabel(values.communeCode), fieldErrors: {} as Record<string, string>, formError: updated.error as string | null }, { status: updated.status });
  }
  return redirect(`/employeur/postes/${id}?ok=enregistre`);
}

/** The collectivité's kind and population (who may hold an emploi fonctionnel, decided by them). */
async function employerSize(organizationId: string | null | undefined) {
  if (!organizationId) return undefined;
  const org = await db.organization.findUnique({ where: { id: organizationId }, select: { collectiviteType: true, population: true } });
  return org ? { type: org.collectiviteType, population: org.population } : undefined;
}

export type PositionEditorActionData = Awaited<ReturnType<typeof positionEditorAction>>;
