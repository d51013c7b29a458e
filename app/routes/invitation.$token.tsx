import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { HOME_OF_ROLE, isRole } from "~/access/spaces";
import { acceptInvitation, findValidInvitation } from "~/domain/accounts.server";
import { acceptInvitationSchema, fieldErrors } from "~/schemas/auth";
import { readForm } from "~/utils/csrf.server";
import { createUserSession } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Accepter l’invitation — Vivier" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findValidInvitation(params.token ?? "");
  if (!invitation) return json({ invitation: null });
  return json({ invitation: { name: invitation.name, email: invitation.email, organization: invitation.organization.name, committeeOf: invitation.committeeMember?.position.title ?? null } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await acceptInvitation(params.token ?? "", parsed.data);
  if (!result.ok) return json({ error: result.error, fieldErrors: {} as Record<string, string> }, { status: 410 });
  return redirect(isRole(result.role) ? HOME_OF_ROLE[result.role] : "/", {
    headers: { "Set-Cookie": await createUserSession(result.userId) },
  });
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Rejoindre Vivier</h1>
        {!invitation ? (
          <FormAlert>Cette invitation n’est plus valable : elle a déjà servi ou a expiré. Demandez-en une nouvelle à la personne qui vous a invité.</FormAlert>
        ) : (
          <>
            {invitation.committeeOf ? (
              <p><strong>{invitation.organization}</strong> vous invite à son comité de recrutement pour le poste « {invitation.committeeOf} », avec l’adresse {invitation.email}. Vous y verrez les finalistes de ce poste, et rien d’autre.</p>
            ) : (
              <p><strong>{invitation.organization}</strong> vous invite à la rejoindre avec l’adresse {invitation.email}.</p>
            )}
            <FormAlert>{data?.error}</FormAlert>
            <Form method="post" noValidate>
              <CsrfField />
              <Field label="Prénom et nom" name="name" autoComplete="name" required defaultValue={invitation.name} error={data?.fieldErrors?.name} />
              <Field label="Mot de passe" name="password" type="password" autoComplete="new-password" required hint="12 caractères au moins." error={data?.fieldErrors?.password} />
              <div className="actions"><button type="submit">Créer mon compte</button></div>
            </Form>
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
