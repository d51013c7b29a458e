import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { signupCandidate } from "~/domain/accounts.server";
import { fieldErrors, SIGNED_UP, signupSchema } from "~/schemas/auth";
import { readForm } from "~/utils/csrf.server";
import { getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Créer mon profil candidat — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSessionUser(request)) throw redirect("/connexion");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = signupSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ values, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  // The same answer whether the address was new or taken (the owner of a taken one is told by e-mail).
  await signupCandidate(parsed.data);
  return redirect(SIGNED_UP);
}

export default function Signup() {
  const data = useActionData<typeof action>();
  const errors: Record<string, string> = data?.fieldErrors ?? {};
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PublicHeader signedIn={false} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Créer mon profil candidat</h1>
        <p>
          Votre démarche reste confidentielle : votre employeur actuel ne voit jamais votre profil, et votre
          identité n’est transmise à une collectivité qu’avec votre accord.
        </p>
        {Object.keys(errors).length > 0 ? <FormAlert>Le formulaire contient des erreurs : corrigez les champs signalés.</FormAlert> : null}
        <Form method="post" noValidate>
          <CsrfField />
          <Field label="Prénom et nom" name="name" autoComplete="name" required defaultValue={data?.values.name} error={errors.name} />
          <Field label="Adresse e-mail" name="email" type="email" autoComplete="email" required defaultValue={data?.values.email} error={errors.email}
            hint="Une adresse personnelle plutôt que professionnelle : c’est là que nous vous écrirons, et votre employeur actuel n’a pas à le savoir." />
          <Field label="Mot de passe" name="password" type="password" autoComplete="new-password" required minLength={12}
            hint="12 caractères au moins." error={errors.password} />
          <Field type="checkbox" name="privacy" required error={errors.privacy}
            label={<>J’ai lu et j’accepte la <Link to="/confidentialite">politique de confidentialité</Link>.</>} />
          <div className="actions">
            <button type="submit" disabled={busy}>Créer mon compte</button>
          </div>
        </Form>
        <p>Déjà inscrit ? <Link to="/connexion">Se connecter</Link></p>
      </main>
      <SiteFooter />
    </>
  );
}
