import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { deleteCandidateAccount } from "~/domain/candidates.server";
import { deleteAccountSchema, fieldErrors } from "~/schemas/profile";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { logout } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Mes données personnelles — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, "candidat");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const parsed = deleteAccountSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const result = await deleteCandidateAccount(user, parsed.data.password);
  if (!result.ok) return json({ fieldErrors: result.fieldErrors }, { status: 400 });
  // The sessions went with the account; this clears the cookie and goes home.
  return logout(request);
}

export default function PersonalData() {
  const result = useActionData<typeof action>();
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Mes données personnelles</h1>
      <p><Link to="/candidat/profil">← Mon profil</Link></p>

      <h2>Télécharger mes données</h2>
      <p>
        Un fichier JSON avec tout ce que Vivier conserve sur vous : votre compte, votre profil, votre CV, vos candidatures
        (avec le CV envoyé à chacune), les propositions des cabinets, vos échanges avec les consultants, vos missions et
        vos accords, vos références, qui a vu votre identité, et les courriels que Vivier vous a adressés.
      </p>
      <p><a className="button button-secondary" href="/candidat/donnees/export" download>Télécharger mes données (JSON)</a></p>

      <h2>Qui a vu mon identité</h2>
      <p>
        Chaque cabinet ou collectivité qui affiche votre nom ou télécharge votre CV est noté, avec la date et le poste.{" "}
        <Link to="/candidat/journal">Consulter le journal</Link>
      </p>

      <h2>Supprimer mon compte</h2>
      <p>
        La suppression est définitive : votre compte, votre profil, votre CV, vos candidatures (et vos lettres), les
        propositions des cabinets et vos échanges sont effacés. Vous disparaissez du vivier dans la minute.
        Pensez à télécharger vos données avant.
      </p>
      {Object.keys(errors).length ? <FormAlert>Votre compte n’a pas été supprimé : corrigez les champs signalés.</FormAlert> : null}
      <Form method="post" noValidate className="danger-zone">
        <CsrfField />
        <Field type="checkbox" name="confirm" label="J’ai compris que la suppression de mon compte est définitive." error={errors.confirm} />
        <Field label="Mot de passe" name="password" type="password" autoComplete="current-password" required
          hint="Pour confirmer que c’est bien vous." error={errors.password} />
        <div className="actions">
          <button type="submit" className="button-danger" disabled={busy}>Supprimer définitivement mon compte</button>
        </div>
      </Form>
    </>
  );
}
