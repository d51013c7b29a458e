import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { addExternalEntry } from "~/domain/shortlist-external.server";
import { findCabinetMission } from "~/domain/talent-search.server";
import { externalEntrySchema } from "~/schemas/mission";
import { fieldErrors } from "~/schemas/errors";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";
import { checkCv, CV_ERRORS, cvRequestTooLarge, hasFile } from "~/domain/cv.server";

export const meta: MetaFunction = () => [{ title: "Ajouter une personne hors plateforme — Vivier — Cabinet" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const mission = await findCabinetMission(user, params.id ?? "");
  if (!mission) throw notFound();
  return json({ mission: { id: mission.id, title: mission.position.title, open: mission.status === "ACTIVE" } });
}

type ActionData = { error: string | null; fieldErrors: Record<string, string>; values: { name: string; email: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const empty = { name: "", email: "" };
  if (cvRequestTooLarge(request)) return json<ActionData>({ error: null, fieldErrors: { cv: CV_ERRORS.tooLarge }, values: empty }, { status: 413 });
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  // Not the consultant's mission: not found, whatever was posted (the form is read after).
  if (!(await findCabinetMission(user, id))) throw notFound();
  const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
  const parsed = externalEntrySchema.safeParse(values);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const file = form.get("cv");
  const cv = hasFile(file) ? await checkCv(file) : null;
  if (cv && !cv.ok) errors.cv = cv.error;
  if (!parsed.success || Object.keys(errors).length) return json<ActionData>({ error: "Le formulaire contient des erreurs : corrigez les champs signalés.", fieldErrors: errors, values }, { status: 400 });
  const r = await addExternalEntry(user, id, parsed.data, cv?.ok ? cv.bytes : null);
  if (!r.ok) {
    if (r.status === 404) throw notFound();
    return json<ActionData>({ error: r.error, fieldErrors: {}, values }, { status: r.status });
  }
  return redirect(`/cabinet/missions/${id}?ok=ajoute`);
}

export default function AddExternal() {
  const { mission } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = data?.fieldErrors ?? {};
  return (
    <>
      <p><Link to={`/cabinet/missions/${mission.id}`}>← {mission.title}</Link></p>
      <h1>Ajouter une personne rencontrée hors de Vivier</h1>
      <p>
        Elle figurera sur la liste « hors plateforme », vue des seuls consultants de la mission. Elle reçoit un e-mail discret
        l’invitant à créer son espace candidat : en l’acceptant, elle consent à ce que votre cabinet la connaisse pour cette
        recherche, et c’est alors son profil qui remplace ce que vous saisissez ici.
      </p>
      <FormAlert>{data?.error}</FormAlert>
      {!mission.open ? <p className="muted">Cette mission est terminée : on n’y ajoute plus de candidat.</p> : (
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfField />
          <Field label="Prénom et nom" name="name" autoComplete="off" required defaultValue={data?.values.name} error={errors.name} />
          <Field label="Adresse e-mail" name="email" type="email" autoComplete="off" required defaultValue={data?.values.email} error={errors.email}
            hint="De préférence son adresse personnelle : l’invitation y est envoyée." />
          <Field label="CV (facultatif)" name="cv" type="file" accept="application/pdf,.pdf" error={errors.cv} hint="Au format PDF, 5 Mo au plus." />
          <div className="actions">
            <button type="submit" disabled={busy}>Ajouter et envoyer l’invitation</button>
            <Link to={`/cabinet/missions/${mission.id}`}>Annuler</Link>
          </div>
        </Form>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
