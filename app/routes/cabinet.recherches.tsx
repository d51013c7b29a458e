import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDayTime, plural } from "~/components/talent/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { createSavedSearch, deleteSavedSearch, listSavedSearches, runSavedSearch } from "~/domain/saved-searches.server";
import { describeTalentSearch } from "~/domain/talent-search.server";
import { parseTalentSearch, savedSearchSchema } from "~/schemas/talent-search";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mes recherches enregistrées — Vivier — Cabinet" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const rows = await listSavedSearches(user);
  return json({
    searches: rows.map((r) => ({ ...r, description: describeTalentSearch(parseTalentSearch(new URLSearchParams(r.query)).search) })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const form = await readForm(request);
  const intent = form.get("intent");
  const id = String(form.get("id") ?? "");
  if (intent === "create") {
    const parsed = savedSearchSchema.safeParse({ name: form.get("name") ?? "", query: form.get("query") ?? "" });
    if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Vérifiez le nom de la recherche." }, { status: 400 });
    const created = await createSavedSearch(user, parsed.data);
    if (!created.ok) return json({ error: created.error }, { status: created.status });
    return redirect("/cabinet/recherches?ok=enregistree");
  }
  if (intent === "run") {
    const run = await runSavedSearch(user, id);
    if (!run.ok) return json({ error: run.error }, { status: run.status });
    return redirect(run.url);
  }
  if (intent === "delete") {
    if (!(await deleteSavedSearch(user, id))) return json({ error: "Cette recherche n’existe plus." }, { status: 404 });
    return redirect("/cabinet/recherches?ok=supprimee");
  }
  return json({ error: "Action inconnue." }, { status: 400 });
}

const OK_MESSAGES: Record<string, string> = {
  enregistree: "La recherche est enregistrée.",
  supprimee: "La recherche est supprimée.",
};

export default function SavedSearches() {
  const { searches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const ok = OK_MESSAGES[params.get("ok") ?? ""];
  return (
    <>
      <div className="page-head">
        <h1>Mes recherches enregistrées</h1>
        <Link to="/cabinet/vivier">Nouvelle recherche dans le vivier</Link>
      </div>
      {ok ? <FormAlert tone="success">{ok}</FormAlert> : null}
      {actionData && "error" in actionData ? <FormAlert>{actionData.error}</FormAlert> : null}
      {searches.length === 0 ? (
        <p>
          Aucune recherche enregistrée. Dans le <Link to="/cabinet/vivier">vivier</Link>, lancez une recherche puis
          choisissez « Enregistrer cette recherche ».
        </p>
      ) : (
        <div className="table-scroll">
          <table className="saved-searches">
            <caption className="visually-hidden">Vos recherches enregistrées, les plus récentes d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Recherche</th>
                <th scope="col">Depuis la dernière exécution</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {searches.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <span className="saved-name">{s.name}</span>
                    <span className="small muted saved-criteria">{s.description.length ? s.description.join(" · ") : "Tout le vivier"}</span>
                  </th>
                  <td>
                    {s.newCount === null ? (
                      <span className="muted">Nombre indisponible</span>
                    ) : s.newCount > 0 ? (
                      <strong className="saved-new">{plural(s.newCount, "nouveau profil", "nouveaux profils")}</strong>
                    ) : (
                      "Aucun nouveau profil"
                    )}
                    <span className="small muted saved-criteria">Dernière exécution le {formatDayTime(s.lastRunAt)}</span>
                  </td>
                  <td>
                    <div className="saved-actions">
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="id" value={s.id} />
                        <button type="submit" name="intent" value="run" aria-label={`Relancer « ${s.name} »`}>Relancer</button>
                      </Form>
                      <Form method="post">
                        <CsrfField />
                        <input type="hidden" name="id" value={s.id} />
                        <button type="submit" name="intent" value="delete" className="button-link" aria-label={`Supprimer « ${s.name} »`}>Supprimer</button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="small muted">
        Les nouveaux profils sont ceux créés, modifiés ou rendus visibles depuis la dernière exécution de la recherche.
      </p>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
