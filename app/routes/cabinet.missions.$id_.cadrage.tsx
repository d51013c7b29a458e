import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { BriefForm, BriefHistory, briefStatus } from "~/components/missions/Brief";
import { MISSION_SUCCESS } from "~/components/missions/labels";
import { MissionTabs } from "~/components/missions/MissionTabs";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { briefPage, saveBrief, shareBrief } from "~/domain/mission-brief.server";
import { briefFormInput, briefSchema, typedBrief, type BriefContent } from "~/schemas/mission-brief";
import { fieldErrors } from "~/schemas/errors";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Cadrage — ${data?.mission.title ?? "Mission"} — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const page = await briefPage(user, params.id ?? "");
  if (!page) throw notFound();
  return json({ ...page, ok: new URL(request.url).searchParams.get("ok") });
}

type ActionData = { error: string | null; fieldErrors: Record<string, string>; values: BriefContent | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  const refused = (r: { status: number; error: string }) => {
    if (r.status === 404) throw notFound();
    return json<ActionData>({ error: r.error, fieldErrors: {}, values: null }, { status: r.status });
  };
  if (form.get("intent") === "share") {
    const r = await shareBrief(user, id);
    return r.ok ? redirect(`/cabinet/missions/${id}/cadrage?ok=partage`) : refused(r);
  }
  const parsed = briefSchema.safeParse(briefFormInput(form));
  if (!parsed.success) return json<ActionData>({ error: "Le cadrage contient des erreurs : corrigez les champs signalés.", fieldErrors: fieldErrors(parsed.error), values: typedBrief(form) }, { status: 400 });
  const r = await saveBrief(user, id, parsed.data);
  if (!r.ok) return r.status === 404 ? refused(r) : json<ActionData>({ error: r.error, fieldErrors: {}, values: parsed.data }, { status: r.status });
  return redirect(`/cabinet/missions/${id}/cadrage?ok=${r.version === null ? "cadrage-inchange" : "cadrage"}`);
}

export default function MissionBriefPage() {
  const { mission, current, versions, regions, searchUrl, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/cabinet/missions">← Toutes les missions</Link></p>
      <h1>{mission.title}</h1>
      <MissionTabs missionId={mission.id} />
      <h2>Cadrage de la mission</h2>
      <p>
        Écrit avec {mission.collectiviteName} avant la recherche. Chaque enregistrement crée une version ; l’historique dit qui a
        changé quoi et quand. {briefStatus(mission)}
      </p>
      <FormAlert>{data?.error}</FormAlert>
      {!data && ok && MISSION_SUCCESS[ok] ? <FormAlert tone="success">{MISSION_SUCCESS[ok]}</FormAlert> : null}
      <div className="actions">
        {searchUrl ? <Link className="button" to={searchUrl}>Lancer la recherche</Link> : null}
        {mission.open && versions.length > 0 && !mission.sharedAt ? (
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="intent" value="share" />
            <button type="submit" className="button-secondary">Partager avec la collectivité</button>
          </Form>
        ) : null}
      </div>
      {!mission.open ? <p className="muted">Cette mission est terminée : son cadrage ne change plus.</p> : null}
      <BriefForm key={versions[0]?.version ?? 0} values={data?.values ?? current} regions={regions} errors={data?.fieldErrors ?? {}} open={mission.open} />
      <section aria-labelledby="historique-titre">
        <h2 id="historique-titre">Historique des versions</h2>
        <BriefHistory versions={versions} />
      </section>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
