import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { MISSION_SUCCESS } from "~/components/missions/labels";
import { CommitteeCard, MissionDates, MissionFacts, StageCounts } from "~/components/missions/MissionHeader";
import { MissionTabs } from "~/components/missions/MissionTabs";
import { BriefCard, MissionTeam } from "~/components/missions/MissionTeam";
import { ShortlistBoard } from "~/components/missions/ShortlistBoard";
import { ShortlistFilters, ViewSwitch } from "~/components/missions/ShortlistFilters";
import { ShortlistTable } from "~/components/missions/ShortlistTable";
import { FormAlert } from "~/components/ui/Field";
import { staffMission, unstaffMission } from "~/domain/mission-team.server";
import { missionPage, setPresentationDate } from "~/domain/missions-page.server";
import { resendInvitation } from "~/domain/shortlist-external.server";
import { moveEntries } from "~/domain/shortlist-moves.server";
import { findCabinetMission } from "~/domain/talent-search.server";
import { bulkSchema, ID, parseShortlistQuery, presentationSchema, shortlistQueryString, staffSchema } from "~/schemas/mission";
import { moveSchema } from "~/schemas/shortlist";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.page.mission.title ?? "Mission"} — Missions — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const url = new URL(request.url);
  const page = await missionPage(user, params.id ?? "", parseShortlistQuery(url.searchParams));
  if (!page) throw notFound();
  return json({ page, ok: url.searchParams.get("ok") });
}

/**
 * The mission page's action (/cabinet/missions/:id): each intent parsed, handed to its one domain
 * function, answered by a redirect back to the page as it was (the posted `retour`, re-read as a
 * list state so that it can only ever be this page's query) or by the French refusal.
 */

type MissionActionData = { error: string; details?: string[] };

function refusal(r: { status: number; error: string }, details?: string[]) {
  if (r.status === 404) throw notFound();
  return json<MissionActionData>({ error: r.error, details }, { status: r.status });
}

export async function action({ request, params }: ActionFunctionArgs) {
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

export default function CabinetMission() {
  const { page, ok } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { mission, query } = page;
  const base = `/cabinet/missions/${mission.id}`;
  const retour = shortlistQueryString(query);
  const open = mission.status === "ACTIVE";
  return (
    <>
      <p><Link to="/cabinet/missions">← Toutes les missions</Link></p>
      <h1>{mission.title}</h1>
      <MissionTabs missionId={mission.id} />
      {result?.error ? (
        <FormAlert>
          {result.error}
          {result.details?.length ? <ul>{result.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}
        </FormAlert>
      ) : null}
      {!result && ok && MISSION_SUCCESS[ok] ? <FormAlert tone="success">{MISSION_SUCCESS[ok]}</FormAlert> : null}
      <MissionFacts page={page} />
      <div className="cards">
        <MissionDates page={page} retour={retour} />
        <MissionTeam page={page} retour={retour} />
        <CommitteeCard page={page} />
        <BriefCard page={page} />
      </div>

      <div className="shortlist-head">
        <StageCounts page={page} />
        {open ? (
          <p className="actions">
            <Link className="button" to={page.searchUrl}>Chercher dans le vivier pour cette mission</Link>
            <Link className="button button-secondary" to={`${base}/ajouter`}>Ajouter une personne rencontrée hors de Vivier</Link>
            <Link to="/cabinet/modeles">Modèles de message</Link>
          </p>
        ) : (
          <p className="muted">Cette mission est terminée : sa liste ne change plus.</p>
        )}
      </div>
      <ViewSwitch query={query} />
      <ShortlistFilters query={query} />
      {page.list ? (
        <ShortlistTable missionId={mission.id} rows={page.list.rows} total={page.list.total} pageCount={page.list.pageCount} query={query} open={open} />
      ) : (
        <ShortlistBoard page={page} query={query} />
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
