import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { fieldErrors } from "~/schemas/errors";
import { interviewNoteSchema, referenceCheckSchema } from "~/schemas/evaluation";
import { moveSchema } from "~/schemas/shortlist";
import { ENTRY_INTENTS, type EntryActionData, type EntryIntent } from "~/schemas/shortlist-entry-page";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { addInterviewNote, askReferencesConsent, moveEntryOnMission, recordReferenceCheck, saveScorecard } from "./evaluations.server";

/**
 * The action of a shortlist entry's page (/cabinet/missions/:id/candidats/:entryId), shared here as
 * the position editor's is (position-editor.server.ts): each form names its `intent`; the values are checked
 * with the form's schema, then handed to the one domain function of that intent, which checks
 * the gate again. A success goes back to the page (?ok=…) so a reload posts nothing twice; a
 * refusal comes back with its French message, and the typed values, next to the form it is for.
 */

function refusal(intent: EntryIntent, status: number, error: string | null, errors: Record<string, string>, values: Record<string, string>) {
  return json<EntryActionData>({ intent, error, fieldErrors: errors, values }, { status });
}

export async function entryAction({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const missionId = params.id ?? "";
  const entryId = params.entryId ?? "";
  const intent = String(form.get("intent") ?? "") as EntryIntent;
  if (!(ENTRY_INTENTS as readonly string[]).includes(intent)) return refusal("move", 400, "Ce formulaire n’est pas reconnu : rechargez la page.", {}, {});
  const values = Object.fromEntries([...form.entries()].filter(([k, v]) => k !== "csrf" && typeof v === "string")) as Record<string, string>;
  const back = (ok: string) => redirect(`/cabinet/missions/${missionId}/candidats/${entryId}?ok=${ok}`);

  let result: { ok: true } | { ok: false; status: number; error: string; fieldErrors?: Record<string, string> };
  switch (intent) {
    case "move": {
      const parsed = moveSchema.safeParse(values);
      if (!parsed.success) return refusal(intent, 400, "Le changement d’étape n’est pas enregistré : complétez les champs signalés.", fieldErrors(parsed.error), values);
      result = await moveEntryOnMission(user, missionId, entryId, parsed.data);
      break;
    }
    case "interview": {
      const parsed = interviewNoteSchema.safeParse(values);
      if (!parsed.success) return refusal(intent, 400, "L’entretien n’est pas enregistré : corrigez les champs signalés.", fieldErrors(parsed.error), values);
      result = await addInterviewNote(user, missionId, entryId, parsed.data);
      break;
    }
    case "scorecard":
      result = await saveScorecard(user, missionId, entryId, form);
      break;
    case "ask-references":
      result = await askReferencesConsent(user, missionId, entryId);
      break;
    case "reference-check": {
      const parsed = referenceCheckSchema.safeParse(values);
      if (!parsed.success) return refusal(intent, 400, "La prise de références n’est pas enregistrée : corrigez les champs signalés.", fieldErrors(parsed.error), values);
      result = await recordReferenceCheck(user, missionId, entryId, parsed.data);
      break;
    }
  }
  if (result.ok) return back(intent);
  if (result.status === 404) throw notFound();
  return refusal(intent, result.status, result.error, result.fieldErrors ?? {}, values);
}
