import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation } from "@remix-run/react";
import { formatDayTime } from "~/components/candidates/format";
import { Pagination } from "~/components/ui/Table";
import { ownIdentityViews } from "~/domain/journal.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Qui a vu mon identité — Vivier" }];

/** GET /candidat/journal — which cabinet or collectivité saw the candidate's name or CV, when, for which mission. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const page = Number(new URL(request.url).searchParams.get("page")) || 1;
  return json(await ownIdentityViews(user, page));
}

export default function IdentityJournal() {
  const { lines, total, page, pages } = useLoaderData<typeof loader>();
  const location = useLocation();
  return (
    <>
      <h1>Qui a vu mon identité</h1>
      <p>
        Chaque fois qu’un cabinet ou une collectivité affiche votre nom ou télécharge votre CV, Vivier le note. Vous voyez
        ici quelle organisation, quand et pour quel poste. Votre identité ne leur parvient que si vous l’avez permis :
        profil visible, proposition acceptée ou candidature envoyée.
      </p>
      <p><Link to="/candidat/donnees">← Mes données personnelles</Link></p>
      {lines.length === 0 ? (
        <p className="muted">Personne n’a encore vu votre identité.</p>
      ) : (
        <>
          <p>{total} consultation{total > 1 ? "s" : ""} enregistrée{total > 1 ? "s" : ""}, de la plus récente à la plus ancienne.</p>
          <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Consultations de votre identité, de la plus récente à la plus ancienne</caption>
            <thead>
              <tr><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Quoi</th><th scope="col">Pour quel poste</th></tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <td>{formatDayTime(l.at)}</td>
                  <td>{l.organization}</td>
                  <td>{l.what}</td>
                  <td>{l.mission ? `${l.mission.title}${l.mission.employer ? ` — ${l.mission.employer}` : " — recherche confidentielle"}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          {pages > 1 ? <Pagination page={page} pageCount={pages} search={location.search} label="Pages du journal" /> : null}
        </>
      )}
    </>
  );
}
