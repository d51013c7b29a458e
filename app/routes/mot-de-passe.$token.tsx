import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { findValidReset, resetPassword } from "~/domain/accounts.server";
import { fieldErrors, resetPasswordSchema } from "~/schemas/auth";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Nouveau mot de passe — Vivier" }];

export async function loader({ params }: LoaderFunctionArgs) {
  return json({ valid: !!(await findValidReset(params.token ?? "")) });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = resetPasswordSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ done: false, error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const done = await resetPassword(params.token ?? "", parsed.data.password, context?.clientAddress ?? "unknown");
  if (!done) return json({ done: false, error: "Ce lien n’est plus valable. Demandez-en un nouveau.", fieldErrors: {} as Record<string, string> }, { status: 410 });
  return json({ done: true, error: null, fieldErrors: {} as Record<string, string> });
}

export default function ResetPassword() {
  const { valid } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Choisir un nouveau mot de passe</h1>
        {data?.done ? (
          <FormAlert tone="success">Votre mot de passe est changé. <Link to="/connexion">Se connecter</Link></FormAlert>
        ) : !valid ? (
          <FormAlert>Ce lien n’est plus valable : il a déjà servi ou a expiré. <Link to="/mot-de-passe-oublie">Demander un nouveau lien</Link></FormAlert>
        ) : (
          <>
            <FormAlert>{data?.error}</FormAlert>
            <Form method="post" noValidate>
              <CsrfField />
              <Field label="Nouveau mot de passe" name="password" type="password" autoComplete="new-password" required hint="12 caractères au moins." error={data?.fieldErrors?.password} />
              <div className="actions"><button type="submit">Enregistrer</button></div>
            </Form>
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
