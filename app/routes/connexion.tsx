import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { HOME_OF_ROLE, isRole, safeRedirect } from "~/access/spaces";
import { login } from "~/domain/accounts.server";
import { fieldErrors, loginSchema } from "~/schemas/auth";
import { readForm } from "~/utils/csrf.server";
import { createUserSession, getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Se connecter — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  if (user && isRole(user.role)) throw redirect(HOME_OF_ROLE[user.role]);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = loginSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    return json({ error: null, fieldErrors: fieldErrors(parsed.error), email: String(form.get("email") ?? "") }, { status: 400 });
  }
  const result = await login(parsed.data.email, parsed.data.password, context?.clientAddress ?? "unknown");
  if (!result.ok) {
    return json({ error: result.error, fieldErrors: {} as Record<string, string>, email: parsed.data.email }, { status: result.status });
  }
  const role = isRole(result.user.role) ? result.user.role : "CANDIDATE";
  return redirect(safeRedirect(parsed.data.redirectTo, role), {
    headers: { "Set-Cookie": await createUserSession(result.user.id) },
  });
}

export default function SignIn() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Se connecter</h1>
        {params.get("inscription") && !data ? (
          <FormAlert tone="info">
            Demande d’inscription reçue. Nous vous avons écrit à l’adresse indiquée : si elle n’avait pas encore de
            compte, votre profil est créé et vous pouvez vous connecter ci-dessous avec le mot de passe choisi ; sinon,
            le message vous dit comment retrouver l’accès à votre compte.
          </FormAlert>
        ) : null}
        <FormAlert>{data?.error}</FormAlert>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          <Field label="Adresse e-mail" name="email" type="email" autoComplete="email" required
            defaultValue={data?.email} error={data?.fieldErrors?.email} />
          <Field label="Mot de passe" name="password" type="password" autoComplete="current-password" required
            error={data?.fieldErrors?.password} />
          <div className="actions">
            <button type="submit" disabled={busy}>{busy ? "Connexion…" : "Se connecter"}</button>
            <Link to="/mot-de-passe-oublie">Mot de passe oublié ?</Link>
          </div>
        </Form>
        <p>Pas encore de compte candidat ? <Link to="/inscription">Créer mon profil</Link></p>
        <p className="muted">Les comptes employeurs et cabinets sont créés sur invitation.</p>
      </main>
      <SiteFooter />
    </>
  );
}
