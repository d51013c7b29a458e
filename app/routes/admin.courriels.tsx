import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatDayTime } from "~/components/candidates/format";
import { listMails } from "~/domain/organizations.server";
import { readPage } from "~/utils/pagination";
import { readSince, sinceQuery } from "~/schemas/since";
import { FilterNote } from "~/components/HomeLists";
import { plural } from "~/components/ui/plural";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Courriels envoyés — Administration Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "admin");
  const search = new URL(request.url).searchParams;
  const page = readPage(search.get("page"));
  const since = readSince(search);
  const result = await listMails(page, 30, since);
  return json({
    page,
    pages: result.pages,
    total: result.total,
    mails: result.mails,
    since: since?.toISOString() ?? null,
  });
}

export default function AdminMails() {
  const { mails, page, pages, total, since } = useLoaderData<typeof loader>();
  const keep = since ? `&${sinceQuery(since)}` : "";
  return (
    <>
      <h1>Courriels envoyés</h1>
      {since ? <FilterNote all="/admin/courriels" allLabel="Voir tous les courriels">Envoyés depuis le {formatDayTime(since)}</FilterNote> : null}
      <p>{plural(total, "courriel")}. Sans SMTP_URL, ils sont seulement conservés ici.</p>
      {mails.length === 0 ? <p>Aucun courriel pour l’instant.</p> : (
        <div className="table-scroll"><table>
          <caption className="visually-hidden">Courriels envoyés, du plus récent au plus ancien</caption>
          <thead><tr><th scope="col">Date</th><th scope="col">Destinataire</th><th scope="col">Objet</th><th scope="col">État</th></tr></thead>
          <tbody>
            {mails.map((m) => (
              <tr key={m.id}>
                <td>{formatDayTime(m.createdAt)}</td>
                <td>{m.to}</td>
                <td><details><summary>{m.subject}</summary><pre style={{ whiteSpace: "pre-wrap" }}>{m.text}</pre></details>{m.attachments.map((a) => <p key={a} className="muted">pièce jointe : {a}</p>)}</td>
                <td>{m.sentAt ? "envoyé" : m.error ? `échec : ${m.error}` : "conservé"}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      <nav className="pagination" aria-label="Pagination">
        {page > 1 ? <Link to={`?page=${page - 1}${keep}`}>Page précédente</Link> : null}
        <span>Page {page} sur {pages}</span>
        {page < pages ? <Link to={`?page=${page + 1}${keep}`}>Page suivante</Link> : null}
      </nav>
    </>
  );
}
