import type { ActionFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { moveEntries } from "~/domain/shortlist-moves.server";
import { resendInvitation } from "~/domain/shortlist-external.server";
import { staffMission, unstaffMission } from "~/domain/mission-team.server";
import { setPresentationDate } from "~/domain/missions-page.server";
import { findCabinetMission } from "~/domain/talent-search.server";
import { bulkSchema, ID, parseShortlistQuery, presentationSchema, shortlistQueryString, staffSchema } from "~/schemas/mission";
import { moveSchema } from "~/schemas/shortlist";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

/**
 * The mission page's action (/cabinet/missions/:id): each intent parsed, handed to its one domain
 * function, answered by a redirect back to the page as it was (the posted `retour`, re-read as a
 * list state so that it can only ever be this page's query) or by the French refusal.
 */

export type MissionActionData = { error: string; details?: string[] };

function refusal(r: { status: number; error: string }, details?: string[]) {
  if (r.status === 404) throw notFound();
  return json<MissionActionData>({ error: r.error, details }, { status: r.status });
}

export async function missionAction({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  // Not the consultant's mission: not found, whatever was posted.
  if (!(await findCabinetMission(user, id))) throw notFound();
  const retour = parseShortlistQuery(new URLSearchParams(String(form.get("retour") ?? new URL(request.url).search)));
  const back = (extra: Record<string, string>) => {
    const q = new URLSearchParams(shortlistQueryString(retour));
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return redirect(`/cabinet/missions/${id}?${q}`);
  };
  const intent = String(form.get("intent") ?? "");

  switch (intent) {
    case "move": {
      const entryId = ID.safeParse(form.get("entryId") ?? "");
      const to = form.get("to");
      // An exit asks why first, on its own page.
      if (entryId.success && (to === "NOT_RETAINED" || to === "WITHDREW")) return redirect(`/cabinet/missions/${id}/sortie?vers=${to}&ids=${entryId.data}`);
      const input = moveSchema.safeParse({ to: to ?? "" });
      if (!entryId.success || !input.success) return json<MissionActionData>({ error: "Choisissez une étape proposée sur la carte du candidat." }, { status: 400 });
      const r = await moveEntries(user, id, [entryId.data], input.data);
      if (!r.ok) return refusal(r);
      if (r.refused.length) return refusal({ status: 409, error: r.refused[0].error });
      return back({ ok: "deplace", deplace: entryId.data });
    }
    case "bulk": {
      const parsed = bulkSchema.safeParse({ ids: form.getAll("ids"), operation: form.get("operation") ?? undefined });
      if (!parsed.success) return json<MissionActionData>({ error: parsed.error.issues[0]?.message ?? "Vérifiez votre sélection." }, { status: 400 });
      const { ids, operation } = parsed.data;
      const list = ids.map((x) => `ids=${x}`).join("&");
      if (operation === "message") return redirect(`/cabinet/missions/${id}/approche?${list}`);
      if (operation.startsWith("exit:")) return redirect(`/cabinet/missions/${id}/sortie?vers=${operation.slice(5)}&${list}`);
      const input = moveSchema.parse({ to: operation.slice(5) });
      const r = await moveEntries(user, id, ids, input);
      if (!r.ok) return refusal(r);
      if (r.refused.length) {
        const moved = r.moved.length ? `${r.moved.length} déplacé${r.moved.length > 1 ? "s" : ""}, ` : "";
        return refusal({ status: 409, error: `${moved}${r.refused.length} non déplacé${r.refused.length > 1 ? "s" : ""} :` }, r.refused.map((x) => `${x.label} — ${x.error}`));
      }
      return back({ ok: "deplace" });
    }
    case "staff":
    case "unstaff": {
      const parsed = staffSchema.safeParse({ userId: form.get("userId") ?? "" });
      if (!parsed.success) return json<MissionActionData>({ error: "Choisissez un consultant du cabinet." }, { status: 400 });
      const r = intent === "staff" ? await staffMission(user, id, parsed.data.userId) : await unstaffMission(user, id, parsed.data.userId);
      return r.ok ? back({ ok: "equipe" }) : refusal(r);
    }
    case "presentation": {
      const parsed = presentationSchema.safeParse({ date: form.get("date") ?? "" });
      if (!parsed.success) return json<MissionActionData>({ error: parsed.error.issues[0]?.message ?? "Vérifiez la date." }, { status: 400 });
      const r = await setPresentationDate(user, id, parsed.data.date);
      return r.ok ? back({ ok: "presentation" }) : refusal(r);
    }
    case "reinvite": {
      const entryId = ID.safeParse(form.get("entryId") ?? "");
      if (!entryId.success) return json<MissionActionData>({ error: "Choisissez la personne à inviter de nouveau." }, { status: 400 });
      const r = await resendInvitation(user, id, entryId.data);
      return r.ok ? back({ ok: "invitation" }) : refusal(r);
    }
    default:
      return json<MissionActionData>({ error: "Action inconnue." }, { status: 400 });
  }
}
