import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { cancelInterview, proposeInterview, rescheduleInterview } from "~/domain/committee-interviews.server";
import { decide, isActionableFinalist, submitScore, type CommitteeError } from "~/domain/committee.server";
import { fieldErrors } from "~/schemas/errors";
import { decisionSchema, interviewSchema, rescheduleSchema, scoreFormSchema } from "~/schemas/presentation";
import { forbidden, notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { db } from "~/utils/db.server";

/**
 * The actions of a finalist's page (/employeur/postes/:id/finalistes/:presentationId): a member's
 * scorecard, the decision, and the interview's proposal, change and cancellation. Each parses its
 * form with the schema of app/schemas/presentation.ts and calls one function of the domain,
 * which checks who may do it (a stranger to the position gets 404, a member without the right
 * 403, nothing written).
 */
export async function finalistAction({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const positionId = params.id ?? "";
  const presentationId = params.presentationId ?? "";
  // A stranger to the position or the finalist is answered before any form is read: a form's
  // errors (the criteria a score needs) would otherwise tell a guessed position from a real one.
  if (!(await isActionableFinalist(user, positionId, presentationId))) throw notFound();
  const intent = String(form.get("intent") ?? "");
  const back = (ok: string) => redirect(`/employeur/postes/${positionId}/finalistes/${presentationId}?ok=${ok}`);
  const invalid = (errors: Record<string, string>) => json({ error: null as string | null, fieldErrors: errors, intent }, { status: 400 });
  const refused = (r: CommitteeError) => {
    if (r.status === 404) throw notFound();
    if (r.status === 403) throw forbidden();
    return json({ error: r.error, fieldErrors: {} as Record<string, string>, intent }, { status: r.status });
  };
  const fields = Object.fromEntries(form);

  switch (intent) {
    case "score": {
      const criteria = await db.criterion.findMany({ where: { positionId }, orderBy: { sort: "asc" }, select: { id: true } });
      const parsed = scoreFormSchema(criteria.map((c) => c.id)).safeParse(fields);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const r = await submitScore(user, positionId, presentationId, parsed.data);
      return r.ok ? back("note") : refused(r);
    }
    case "decide": {
      const parsed = decisionSchema.safeParse(fields);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const r = await decide(user, positionId, presentationId, parsed.data);
      return r.ok ? back(parsed.data.decision === "HIRED" ? "retenu" : "non-retenu") : refused(r);
    }
    case "propose-interview": {
      const parsed = interviewSchema.safeParse({ ...fields, slots: form.getAll("slots").map(String) });
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const r = await proposeInterview(user, positionId, presentationId, parsed.data);
      return r.ok ? back("creneaux") : refused(r);
    }
    case "reschedule": {
      const parsed = rescheduleSchema.safeParse(fields);
      if (!parsed.success) return invalid(fieldErrors(parsed.error));
      const r = await rescheduleInterview(user, positionId, String(form.get("interviewId") ?? ""), parsed.data);
      return r.ok ? back("modifie") : refused(r);
    }
    case "cancel-interview": {
      const r = await cancelInterview(user, positionId, String(form.get("interviewId") ?? ""));
      return r.ok ? back("annule") : refused(r);
    }
    default:
      return json({ error: "Action inconnue.", fieldErrors: {} as Record<string, string>, intent }, { status: 400 });
  }
}
