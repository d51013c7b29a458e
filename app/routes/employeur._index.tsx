import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { NextActions, SinceLastVisit, type HomeItem } from "~/components/HomeLists";
import { plural } from "~/components/ui/plural";
import { employerHome, openHome } from "~/domain/home.server";
import { sinceQuery } from "~/schemas/since";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Tableau de bord employeur — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const since = await openHome(user);
  return json({ organization: user.organization?.name ?? "", since: since.toISOString(), home: await employerHome(user, since) });
}

const about = (title: string) => <> — {title}</>;

export default function EmployerHome() {
  const { organization, since, home } = useLoaderData<typeof loader>();
  const candidatures = (id: string) => `/employeur/postes/${id}/candidatures`;
  const news: HomeItem[] = [
    ...home.newApplications.map((p) => ({ key: `new-${p.positionId}`, to: `${candidatures(p.positionId)}?${sinceQuery(since)}`, text: plural(p.count, "nouvelle candidature", "nouvelles candidatures"), after: about(p.title) })),
    ...home.newFinalists.map((p) => ({ key: `fin-${p.positionId}`, to: `/employeur/postes/${p.positionId}/finalistes`, text: plural(p.count, "finaliste présenté par le cabinet", "finalistes présentés par le cabinet"), after: about(p.title) })),
  ];
  const next: HomeItem[] = [
    ...home.toRead.map((p) => ({ key: `read-${p.positionId}`, to: `${candidatures(p.positionId)}?state=SENT`, text: plural(p.count, "candidature à étudier", "candidatures à étudier"), after: about(p.title) })),
    ...(home.positions.DRAFT ? [{ key: "drafts", to: "/employeur/postes?state=DRAFT", text: plural(home.positions.DRAFT, "brouillon à publier", "brouillons à publier") }] : []),
  ];
  const p = home.positions;
  return (
    <>
      <h1>{organization}</h1>
      <div className="home-top">
        <SinceLastVisit since={since} items={news} />
        <NextActions items={next} />
      </div>
      <div className="cards">
        <section className="card" aria-labelledby="k-postes">
          <h2 id="k-postes">Postes</h2>
          <ul className="home-list home-counts">
            <li><Link to="/employeur/postes?state=PUBLISHED">{plural(p.PUBLISHED, "publié", "publiés")}</Link></li>
            <li><Link to="/employeur/postes?state=DRAFT">{plural(p.DRAFT, "brouillon")}</Link></li>
            <li><Link to="/employeur/postes?state=FILLED">{plural(p.FILLED, "pourvu", "pourvus")}</Link></li>
            <li><Link to="/employeur/postes?state=CLOSED">{plural(p.CLOSED, "clos", "clos")}</Link></li>
          </ul>
          <p><Link to="/employeur/postes/nouveau">Décrire un nouveau poste</Link></p>
        </section>
        <section className="card" aria-labelledby="k-missions">
          <h2 id="k-missions">Recrutements confiés</h2>
          <ul className="home-list home-counts">
            <li><Link to="/employeur/postes?cabinet=1">{plural(home.missions, "poste confié à un cabinet", "postes confiés à un cabinet")}</Link></li>
          </ul>
          <p className="muted">Le cabinet vous présente ses finalistes sur la page du poste.</p>
        </section>
      </div>
    </>
  );
}
