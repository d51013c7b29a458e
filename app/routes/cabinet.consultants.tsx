import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { createInvitation } from "~/domain/accounts.server";
import { cabinetTeam } from "~/domain/organizations.server";
import { fieldErrors, invitationSchema } from "~/schemas/auth";
import { forbidden, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Consultants du cabinet — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  if (!user.isCabinetLead) throw forbidden();
  return json(await cabinetTeam(user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  if (!user.isCabinetLead) throw forbidden();
  const form = await readForm(request);
  // A lead invites into their own cabinet only, whatever the form says.
  const parsed = invitationSchema.safeParse({ ...Object.fromEntries(form), organizationId: user.organization?.id });
  if (!parsed.success) return json({ ok: null, error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await createInvitation(user, parsed.data);
  if (!result.ok) return json({ ok: null, error: result.error, fieldErrors: {} as Record<string, string> }, { status: 400 });
  return json({ ok: `Invitation envoyée à ${parsed.data.email}.`, error: null, fieldErrors: {} as Record<string, string> });
}

export default function CabinetConsultants() {
  const { consultants, invitations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>Consultants du cabinet</h1>
      <ul>
        {consultants.map((c) => <li key={c.id}>{c.name} — {c.email}{c.isCabinetLead ? " (responsable)" : ""}</li>)}
      </ul>
      {invitations.length ? <p>Invitations en attente : {invitations.map((i) => i.email).join(", ")}</p> : null}
      <h2>Inviter un consultant</h2>
      {data?.ok ? <FormAlert tone="success">{data.ok}</FormAlert> : null}
      <FormAlert>{data?.error}</FormAlert>
      <Form method="post" noValidate className="narrow">
        <CsrfField />
        <Field label="Prénom et nom" name="name" required error={data?.fieldErrors?.name} />
        <Field label="Adresse e-mail" name="email" type="email" required error={data?.fieldErrors?.email} />
        <div className="actions"><button type="submit">Envoyer l’invitation</button></div>
      </Form>
    </>
  );
}
