import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatDay } from "~/components/talent/format";
import { FormAlert } from "~/components/ui/Field";
import { listCabinetContactRequests, sendContactRequest } from "~/domain/contact-requests.server";
import { CONTACT_STATUS_CABINET_LABEL, contactRequestSchema } from "~/schemas/contact-request";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Prises de contact — Vivier — Cabinet" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  return json({ requests: await listCabinetContactRequests(user) });
}

/** Posted by "Proposer une opportunité" on a talent-search card. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const parsed = contactRequestSchema.safeParse({
    profileId: form.get("profileId") ?? "",
    missionId: form.get("missionId") ?? undefined,
    message: form.get("message") ?? "",
  });
  if (!parsed.success) return json({ error: parsed.error.issues[0]?.message ?? "Vérifiez la proposition." }, { status: 400 });
  const sent = await sendContactRequest(user, parsed.data);
  if (!sent.ok) return json({ error: sent.error }, { status: sent.status });
  return redirect("/cabinet/contacts?ok=envoyee");
}

const STATUS_BADGE: Record<string, string> = { PENDING: "badge-grey", ACCEPTED: "badge-green", DECLINED: "badge-red" };

export default function CabinetContacts() {
  const { requests } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <h1>Prises de contact</h1>
      <p className="muted">
        Les propositions envoyées par votre cabinet aux candidats du vivier. Un candidat anonyme n’est désigné que par son
        pseudonyme tant qu’il n’a pas accepté ; s’il refuse, vous n’apprenez rien de lui.
      </p>
      {result?.error ? <FormAlert>{result.error}</FormAlert> : null}
      {params.get("ok") === "envoyee" && !result ? <FormAlert tone="success">La proposition est envoyée : le candidat la verra dans son espace.</FormAlert> : null}
      {requests.length === 0 ? (
        <p>Aucune prise de contact pour le moment. <Link to="/cabinet/vivier">Chercher dans le vivier</Link></p>
      ) : (
        <div className="table-scroll">
          <table>
            <caption>Propositions envoyées par votre cabinet, les plus récentes d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Candidat</th>
                <th scope="col">Mission</th>
                <th scope="col">Statut</th>
                <th scope="col">Envoyée le</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    {r.candidate.name ?? r.candidate.pseudonym}
                    {r.candidate.email ? <><br /><a href={`mailto:${r.candidate.email}`}>{r.candidate.email}</a></> : null}
                  </th>
                  <td>
                    {r.mission ? (
                      <>
                        <Link to={`/cabinet/missions/${r.mission.id}`}>{r.mission.title}</Link> — {r.mission.collectiviteName}
                        {r.status === "ACCEPTED" ? (
                          <><br /><Link to={`/cabinet/missions/${r.mission.id}/messages/${r.candidate.profileId}`}>Écrire au candidat</Link></>
                        ) : null}
                      </>
                    ) : (
                      <span className="muted">Aucune mission</span>
                    )}
                  </td>
                  <td>
                    <span className={`badge ${STATUS_BADGE[r.status] ?? ""}`}>{CONTACT_STATUS_CABINET_LABEL[r.status] ?? r.status}</span>
                    {r.answeredAt ? <> le {formatDay(r.answeredAt)}</> : null}
                  </td>
                  <td>{formatDay(r.createdAt)}{r.consultant ? `, par ${r.consultant}` : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
