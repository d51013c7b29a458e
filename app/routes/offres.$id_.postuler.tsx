import { zodResolver } from "@hookform/resolvers/zod";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { formatDay } from "~/components/candidates/format";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, TextArea } from "~/components/ui/Field";
import { applyToPosition, getApplyContext } from "~/domain/applications.server";
import { checkCv, CV_ERRORS, cvRequestTooLarge, hasFile } from "~/domain/cv.server";
import { applicationSchema, LETTER_MAX } from "~/schemas/application";
import { fieldErrors } from "~/schemas/profile";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

/**
 * /offres/:id/postuler — a candidate applies to a published offer. (The trailing underscore of
 * "$id_" keeps this page out of the offer page's layout: same URL, its own page.)
 */

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Postuler : ${data.position.title} — Vivier` : "Postuler — Vivier" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const context = await getApplyContext(user, params.id ?? "");
  if (!context) throw notFound();
  return json(context);
}

type ActionData = { error: string | null; fieldErrors: Record<string, string>; letter: string };

export async function action({ request, params }: ActionFunctionArgs) {
  if (cvRequestTooLarge(request)) {
    return json<ActionData>({ error: null, fieldErrors: { cv: CV_ERRORS.tooLarge }, letter: "" }, { status: 413 });
  }
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const letter = String(form.get("letter") ?? "");
  const errors: Record<string, string> = {};
  const parsed = applicationSchema.safeParse({ letter });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  let cv: Buffer | null = null;
  if (hasFile(form.get("cv"))) {
    const checked = await checkCv(form.get("cv"));
    if (checked.ok) cv = checked.bytes;
    else errors.cv = checked.error;
  }
  if (!parsed.success || Object.keys(errors).length) return json<ActionData>({ error: null, fieldErrors: errors, letter }, { status: 400 });
  const result = await applyToPosition(user, params.id ?? "", parsed.data, cv);
  if (!result.ok) {
    if (result.status === 404) throw notFound();
    return json<ActionData>({ error: result.error ?? null, fieldErrors: result.fieldErrors, letter }, { status: result.status });
  }
  return redirect(`/candidat/candidatures/${result.applicationId}?envoyee=1`);
}

export default function Apply() {
  const { position, existing, cv, hiddenFromEmployer, readers } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const submit = useSubmit();
  const { register, handleSubmit, formState } = useForm({ resolver: zodResolver(applicationSchema), defaultValues: { letter: result?.letter ?? "" } });
  const letterError = formState.errors.letter?.message ?? result?.fieldErrors.letter;
  const blocked = !!existing || hiddenFromEmployer || position.closed;

  return (
    <>
      <PublicHeader signedIn />
      <main id="contenu" className="container apply-page" tabIndex={-1}>
        <p><Link to={`/offres/${position.id}`}>← Revoir l’offre</Link></p>
        <h1>Postuler : {position.title}</h1>
        <p className="lead">{position.employer}{position.commune ? ` — ${position.commune}` : ""}</p>
        {position.deadline ? <p className="muted">Date limite de candidature : {formatDay(position.deadline)}.</p> : null}
        <FormAlert>{result?.error}</FormAlert>

        {existing ? (
          <FormAlert tone="info">
            Vous avez déjà postulé à cette offre. <Link to={`/candidat/candidatures/${existing.id}`}>Suivre ma candidature</Link>
          </FormAlert>
        ) : hiddenFromEmployer ? (
          <FormAlert tone="info">
            Vous avez demandé à ne jamais être montré à {position.employer}. Pour lui envoyer votre candidature, retirez-le
            d’abord de votre liste <Link to="/candidat/profil/visibilite">« Ne pas me montrer à »</Link>.
          </FormAlert>
        ) : position.closed ? (
          <FormAlert tone="info">La date limite de candidature de cette offre est passée.</FormAlert>
        ) : null}

        {!blocked ? (
          <Form
            method="post"
            encType="multipart/form-data"
            noValidate
            onSubmit={(event) => {
              const target = event.currentTarget;
              void handleSubmit(() => submit(target, { method: "post", encType: "multipart/form-data" }))(event);
            }}
          >
            <CsrfField />
            <p>
              {readers.cabinets.length === 0 ? (
                <>Votre candidature n’est lue que par {position.employer}.</>
              ) : (
                <>
                  Votre candidature est lue par {position.employer} et par{" "}
                  {readers.cabinets.length === 1 ? "le cabinet de recrutement qu’elle a mandaté pour ce poste" : "les cabinets de recrutement qu’elle a mandatés pour ce poste"}{" "}
                  : {readers.cabinets.join(", ")}.
                </>
              )}{" "}
              Elle comprend votre lettre, votre CV, et votre nom et adresse e-mail ; votre employeur actuel n’en est pas informé.
            </p>
            <TextArea label="Lettre de motivation" required rows={12} maxLength={LETTER_MAX} {...register("letter")}
              defaultValue={result?.letter ?? ""} error={letterError} />
            <Field
              label={cv ? "Joindre un autre CV (facultatif)" : "Mon CV"}
              name="cv" type="file" accept="application/pdf,.pdf" required={!cv}
              hint={cv
                ? `Le CV de votre profil, déposé le ${formatDay(cv.uploadedAt)}, sera joint. Un nouveau fichier le remplacera aussi dans votre profil. PDF, 5 Mo au plus.`
                : "Au format PDF, 5 Mo au plus. Il sera aussi enregistré dans votre profil."}
              error={result?.fieldErrors.cv}
            />
            <div className="actions">
              <button type="submit" disabled={busy}>{busy ? "Envoi…" : "Envoyer ma candidature"}</button>
              <Link to={`/offres/${position.id}`}>Annuler</Link>
            </div>
          </Form>
        ) : null}
      </main>
      <SiteFooter />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
