import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { formatDayTime } from "~/components/candidates/format";
import { Field, Select } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Table";
import { listJournal } from "~/domain/journal.server";
import { AUDIT_ACTION_LABEL, AUDIT_ACTIONS, parseJournalFilters } from "~/schemas/journal";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Journal des accès aux identités — Administration Vivier" }];

/** GET /admin/journal — every view of a revealed identity, CV download and export, filtered; the admin's only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "admin");
  const { filters, errors } = parseJournalFilters(new URL(request.url).searchParams);
  return json({ filters, errors, ...(await listJournal(user, filters)) });
}

export default function AdminJournal() {
  const { filters, errors, rows, total, pages, organizations } = useLoaderData<typeof loader>();
  const location = useLocation();
  const filtered = !!(filters.action || filters.organizationId || filters.from || filters.to || filters.since);
  return (
    <>
      <h1>Journal des accès aux identités</h1>
      <p>
        Chaque consultation d’une identité révélée, chaque téléchargement de CV et chaque export est noté ici, au moment
        même de la lecture : qui, de quelle organisation, quand, pour quelle mission, depuis quelle adresse. Les candidats
        voient dans leur espace quelles organisations ont vu leur identité.
      </p>
      <Form method="get" className="table-filters" key={location.search}>
        <Select label="Action" name="action" defaultValue={filters.action ?? ""}>
          <option value="">Toutes</option>
          {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{AUDIT_ACTION_LABEL[a]}</option>)}
        </Select>
        <Select label="Organisation" name="organisation" defaultValue={filters.organizationId ?? ""}>
          <option value="">Toutes</option>
          {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </Select>
        <Field label="Du" name="du" type="date" defaultValue={filters.from ?? ""} error={errors.from} />
        <Field label="Au" name="au" type="date" defaultValue={filters.to ?? ""} error={errors.to} />
        {filters.since ? <input type="hidden" name="depuis" value={filters.since} /> : null}
        <div className="actions">
          <button type="submit">Filtrer</button>
          {filtered ? <Link to="/admin/journal">Tout afficher</Link> : null}
        </div>
      </Form>
      {filters.since ? <p className="filter-note">Les lignes écrites depuis votre dernière visite, le {formatDayTime(filters.since)}.</p> : null}
      <p role="status">
        {total === 0 ? (filtered ? "Aucune ligne ne correspond à ces filtres." : "Le journal est vide pour le moment.") : `${total} ligne${total > 1 ? "s" : ""}, de la plus récente à la plus ancienne.${pages > 1 ? ` Page ${filters.page} sur ${pages}.` : ""}`}
      </p>
      {rows.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">Journal des accès aux identités</caption>
            <thead>
              <tr>
                <th scope="col">Date</th><th scope="col">Action</th><th scope="col">Personne</th><th scope="col">Organisation</th>
                <th scope="col">Objet</th><th scope="col">Adresse</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{formatDayTime(r.at)}</td>
                  <td>{r.actionLabel}</td>
                  <td>{r.actorName}</td>
                  <td>{r.organizationName || "—"}</td>
                  <td>{r.detail}</td>
                  <td>{r.clientAddress}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {pages > 1 ? <Pagination page={filters.page} pageCount={pages} search={location.search} label="Pages du journal" /> : null}
    </>
  );
}
