import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { requestPasswordReset } from "~/domain/accounts.server";
import { fieldErrors, resetRequestSchema } from "~/schemas/auth";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mot de passe oublié — Vivier" }];

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = resetRequestSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ sent: false, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  await requestPasswordReset(parsed.data.email);
  return json({ sent: true, fieldErrors: {} as Record<string, string> });
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Mot de passe oublié</h1>
        {data?.sent ? (
          <FormAlert tone="success">Si un compte existe avec cette adresse, un lien pour choisir un nouveau mot de passe vient d’y être envoyé. Il est valable une heure.</FormAlert>
        ) : (
          <Form method="post" noValidate>
            <CsrfField />
            <Field label="Adresse e-mail" name="email" type="email" autoComplete="email" required error={data?.fieldErrors?.email} />
            <div className="actions"><button type="submit">Recevoir un lien</button></div>
          </Form>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
