import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { acceptCandidateInvitation, acceptCandidateInvitationAsUser, findCandidateInvitation } from "~/domain/shortlist-external.server";
import { candidateInvitationAsUserSchema, candidateInvitationSchema, INVITATION_VISIBILITIES, INVITATION_VISIBILITY_LABEL } from "~/schemas/candidate-invitation";
import { fieldErrors } from "~/schemas/errors";
import { readForm } from "~/utils/csrf.server";
import { createUserSession, getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Votre invitation — Vivier" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [invitation, user] = await Promise.all([findCandidateInvitation(params.token ?? ""), getSessionUser(request)]);
  return json({ invitation, signedIn: user ? { role: user.role, name: user.name } : null });
}

type ActionData = { error: string | null; fieldErrors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const token = params.token ?? "";
  const user = await getSessionUser(request);
  if (user) {
    const parsed = candidateInvitationAsUserSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return json<ActionData>({ error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
    if (user.role !== "CANDIDATE") return json<ActionData>({ error: "Vous êtes connecté avec un compte qui n’est pas un compte candidat : déconnectez-vous, puis rouvrez ce lien.", fieldErrors: {} }, { status: 403 });
    const r = await acceptCandidateInvitationAsUser(user, token, parsed.data.visibility);
    if (!r.ok) return json<ActionData>({ error: r.error, fieldErrors: {} }, { status: r.status });
    return redirect("/candidat?invitation=acceptee");
  }
  const parsed = candidateInvitationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return json<ActionData>({ error: null, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const r = await acceptCandidateInvitation(token, parsed.data);
  if (!r.ok) return json<ActionData>({ error: r.error, fieldErrors: {} }, { status: r.status });
  return redirect("/candidat/profil?invitation=acceptee", { headers: { "Set-Cookie": await createUserSession(r.userId) } });
}

function Visibility({ error }: { error?: string }) {
  return (
    <fieldset className="choices">
      <legend>Comment les cabinets voient mon profil dans le vivier</legend>
      {INVITATION_VISIBILITIES.map((v) => (
        <Field key={v} type="radio" name="visibility" value={v} id={`visibilite-${v}`} defaultChecked={v === "ANONYMOUS"} label={INVITATION_VISIBILITY_LABEL[v]} />
      ))}
      {error ? <p className="field-error" role="alert">{error}</p> : null}
      <p className="hint">Vous pourrez la changer, ou masquer votre profil, à tout moment ; masqué, il sort aussi de cette recherche.</p>
    </fieldset>
  );
}

export default function CandidateInvitation() {
  const { invitation, signedIn } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const location = useLocation();
  const errors = data?.fieldErrors ?? {};
  return (
    <>
      <PublicHeader signedIn={!!signedIn} />
      <main id="contenu" className="container narrow" tabIndex={-1}>
        <h1>Votre invitation</h1>
        {!invitation ? (
          <FormAlert>Cette invitation n’est plus valable : elle a déjà servi ou a expiré. Demandez-en une nouvelle au consultant qui vous l’a envoyée.</FormAlert>
        ) : (
          <>
            <p>
              Le cabinet <strong>{invitation.cabinetName}</strong> mène la recherche pour le poste « {invitation.positionTitle} »
              {invitation.employerName ? <> de <strong>{invitation.employerName}</strong></> : " (recherche confidentielle : la collectivité vous sera nommée si vous acceptez)"}, et souhaite vous compter parmi ses candidats.
            </p>
            <p>
              Vivier garde votre démarche confidentielle : votre employeur actuel ne la voit jamais, et votre identité n’est
              transmise à une collectivité qu’avec votre accord.{invitation.hasCv ? " Le CV que le cabinet a reçu de vous sera joint à votre profil : vous pourrez le remplacer ou le supprimer." : ""}
            </p>
            <FormAlert>{data?.error}</FormAlert>
            {signedIn ? (
              signedIn.role !== "CANDIDATE" ? (
                <FormAlert>Vous êtes connecté avec un compte qui n’est pas un compte candidat : <Link to="/deconnexion">déconnectez-vous</Link>, puis rouvrez ce lien.</FormAlert>
              ) : (
                <Form method="post" noValidate>
                  <CsrfField />
                  <p>Votre session est ouverte au nom de {signedIn.name} : cette invitation rejoindra votre espace.</p>
                  <Visibility error={errors.visibility} />
                  <Field type="checkbox" name="consent" required error={errors.consent} label={<>J’accepte que le cabinet {invitation.cabinetName} connaisse mon identité et mon profil pour cette recherche.</>} />
                  <div className="actions"><button type="submit" disabled={busy}>Accepter l’invitation</button></div>
                </Form>
              )
            ) : invitation.accountExists ? (
              <p>Un compte Vivier existe déjà pour {invitation.email} : <Link to={`/connexion?redirectTo=${encodeURIComponent(location.pathname)}`}>connectez-vous</Link>, puis rouvrez le lien de l’invitation.</p>
            ) : (
              <Form method="post" noValidate>
                <CsrfField />
                <p>Votre espace sera créé avec l’adresse {invitation.email}.</p>
                <Field label="Prénom et nom" name="name" autoComplete="name" required defaultValue={invitation.name} error={errors.name} />
                <Field label="Mot de passe" name="password" type="password" autoComplete="new-password" required minLength={12} hint="12 caractères au moins." error={errors.password} />
                <Visibility error={errors.visibility} />
                <Field type="checkbox" name="consent" required error={errors.consent} label={<>J’accepte que le cabinet {invitation.cabinetName} connaisse mon identité et mon profil pour cette recherche.</>} />
                <Field type="checkbox" name="privacy" required error={errors.privacy} label={<>J’ai lu et j’accepte la <Link to="/confidentialite">politique de confidentialité</Link>.</>} />
                <div className="actions"><button type="submit" disabled={busy}>Créer mon espace et accepter</button></div>
              </Form>
            )}
          </>
        )}
      </main>
      <SiteFooter />
    </>
  );
}
