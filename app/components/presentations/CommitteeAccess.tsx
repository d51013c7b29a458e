import { Form } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field } from "~/components/ui/Field";

/**
 * A committee member's access to the finalists, on the position's page and the committee's page:
 * « Inviter » asks their e-mail (the invitation is sent by /employeur/postes/:id/comite), then
 * the state of the invitation and « Retirer l’accès ».
 */
export type MemberAccess = { id: string; name: string; email: string | null; invitedAt: string | null; hasAccount: boolean };

export function CommitteeAccess({ positionId, member, error }: { positionId: string; member: MemberAccess; error?: string }) {
  const action = `/employeur/postes/${positionId}/comite`;
  return (
    <div className="committee-access">
      {member.hasAccount ? (
        <span className="badge badge-green">Accès actif{member.email ? ` (${member.email})` : ""}</span>
      ) : member.invitedAt ? (
        <span className="badge badge-grey">Invité le {formatDate(member.invitedAt)}{member.email ? ` (${member.email})` : ""}</span>
      ) : null}
      <details>
        <summary>{member.invitedAt ? "Inviter à nouveau" : "Inviter"}<span className="visually-hidden"> {member.name}</span></summary>
        <Form method="post" action={action} noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="invite" />
          <input type="hidden" name="memberId" value={member.id} />
          <Field label={`Adresse e-mail de ${member.name}`} name="email" id={`invite-${member.id}`} type="email" autoComplete="off" required defaultValue={member.email ?? ""} error={error} hint="Un lien lui donnera accès aux finalistes de ce poste, et à rien d’autre." />
          <button type="submit">Envoyer l’invitation</button>
        </Form>
      </details>
      {member.hasAccount || member.invitedAt ? (
        <Form method="post" action={action}>
          <CsrfField />
          <input type="hidden" name="intent" value="revoke" />
          <input type="hidden" name="memberId" value={member.id} />
          <button type="submit" className="button-link">Retirer l’accès<span className="visually-hidden"> de {member.name}</span></button>
        </Form>
      ) : null}
    </div>
  );
}
