import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CommitteeAccess } from "~/components/presentations/CommitteeAccess";
import { FormAlert } from "~/components/ui/Field";
import { inviteMember, revokeMemberAccess } from "~/domain/committee.server";
import { getPosition } from "~/domain/positions.server";
import { fieldErrors } from "~/schemas/errors";
import { COMMITTEE_ROLE_LABEL } from "~/schemas/position";
import { inviteMemberSchema } from "~/schemas/presentation";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Comité : accès — ${data?.title ?? "Poste"} — Vivier` }];

/**
 * /employeur/postes/:id/comite — the employer gives each committee member an account tied to
 * this position (an e-mail invitation), or takes it back; the position page's « Inviter »
 * buttons post here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const position = await getPosition(user, params.id ?? "");
  if (!position) throw notFound();
  return json({ id: position.offer.id, title: position.offer.title, committee: position.committee, ok: new URL(request.url).searchParams.get("ok") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "employeur");
  const id = params.id ?? "";
  const memberId = String(form.get("memberId") ?? "");
  if (form.get("intent") === "revoke") {
    const r = await revokeMemberAccess(user, id, memberId);
    if (!r.ok) throw notFound();
    return redirect(`/employeur/postes/${id}/comite?ok=retire`);
  }
  const parsed = inviteMemberSchema.safeParse({ memberId, email: form.get("email") });
  if (!parsed.success) return json({ memberId, error: fieldErrors(parsed.error).email ?? "Indiquez une adresse e-mail valide." }, { status: 400 });
  const r = await inviteMember(user, id, parsed.data.memberId, parsed.data.email);
  if (!r.ok) {
    if (r.status === 404) throw notFound();
    return json({ memberId, error: r.error }, { status: r.status });
  }
  return redirect(`/employeur/postes/${id}/comite?ok=${r.link ? "invite" : "acces"}`);
}

const SUCCESS: Record<string, string> = {
  invite: "L’invitation est envoyée : le lien est valable 7 jours.",
  acces: "Ce membre a déjà un compte Vivier : il accède dès maintenant aux finalistes de ce poste.",
  retire: "L’accès est retiré : ce membre ne voit plus rien de ce poste.",
};

export default function CommitteeAccessPage() {
  const { id, title, committee, ok } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <p><Link to={`/employeur/postes/${id}`}>← {title}</Link></p>
      <h1>Comité de recrutement : accès</h1>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      <p>Chaque membre invité reçoit un accès limité à ce poste : il voit les finalistes présentés et, selon son rôle, les note ou enregistre la décision. Rien d’autre de votre collectivité ni de Vivier.</p>
      {committee.length === 0 ? (
        <p>Aucun membre dans le comité : <Link to={`/employeur/postes/${id}/modifier`}>composez-le</Link> d’abord.</p>
      ) : (
        <ul className="committee-members">
          {committee.map((m) => (
            <li key={m.id} className="card">
              <h2>{m.name}</h2>
              <p>{m.function} — {COMMITTEE_ROLE_LABEL[m.role]}</p>
              <CommitteeAccess positionId={id} member={m} error={data?.memberId === m.id ? data.error : undefined} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
