import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { formatDayTime, formatSize } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { deleteOwnCv, getOwnProfile, uploadCv } from "~/domain/candidates.server";
import { checkCv, CV_ERRORS, cvRequestTooLarge } from "~/domain/cv.server";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mon CV — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const profile = await getOwnProfile(user);
  return json({ cv: profile?.cv ?? null, visibility: profile?.visibility ?? "HIDDEN" });
}

type ActionData = { ok: boolean; message: string | null; fieldErrors: Record<string, string> };

export async function action({ request }: ActionFunctionArgs) {
  // A body larger than any CV is refused before it is read.
  if (cvRequestTooLarge(request)) {
    return json<ActionData>({ ok: false, message: null, fieldErrors: { cv: CV_ERRORS.tooLarge } }, { status: 413 });
  }
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  if (form.get("intent") === "delete") {
    await deleteOwnCv(user);
    return json<ActionData>({ ok: true, message: "Votre CV est supprimé.", fieldErrors: {} });
  }
  const checked = await checkCv(form.get("cv"));
  if (!checked.ok) return json<ActionData>({ ok: false, message: null, fieldErrors: { cv: checked.error } }, { status: 400 });
  try {
    await uploadCv(user, checked.bytes);
  } catch (thrown) {
    // A full or read-only disk (app/utils/uploads.server.ts): said in the form, the old CV kept.
    if (thrown instanceof Response && thrown.status === 503) {
      const { error } = (await thrown.json()) as { error: string };
      return json<ActionData>({ ok: false, message: null, fieldErrors: { cv: error } }, { status: 503 });
    }
    throw thrown;
  }
  return json<ActionData>({ ok: true, message: "Votre CV est enregistré.", fieldErrors: {} });
}

export default function CvPage() {
  const { cv, visibility } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h2>Mon CV</h2>
      {result?.ok ? <FormAlert tone="success">{result.message}</FormAlert> : null}
      <p>
        Votre CV est conservé hors de tout espace public. Il est joint aux candidatures que vous envoyez
        {visibility === "VISIBLE"
          ? " et les consultants des cabinets peuvent le consulter, puisque votre profil est visible."
          : visibility === "ANONYMOUS"
            ? " ; les consultants ne le voient pas tant que vous n’avez pas accepté d’être présenté."
            : " ; personne d’autre ne le voit."}
      </p>
      {cv ? (
        <div className="card cv-card">
          <p>
            CV enregistré le {formatDayTime(cv.uploadedAt)} ({formatSize(cv.size)}).{" "}
            <a href="/candidat/cv" download>Télécharger mon CV</a>
          </p>
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="button-secondary" disabled={busy}>Supprimer mon CV</button>
          </Form>
        </div>
      ) : (
        <p className="muted">Vous n’avez pas encore déposé de CV.</p>
      )}
      <Form method="post" encType="multipart/form-data" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="upload" />
        <Field label={cv ? "Remplacer mon CV" : "Déposer mon CV"} name="cv" type="file" accept="application/pdf,.pdf" required
          hint="Au format PDF, 5 Mo au plus." error={result?.fieldErrors.cv} />
        <div className="actions">
          <button type="submit" disabled={busy}>{busy ? "Envoi…" : "Enregistrer ce CV"}</button>
        </div>
      </Form>
    </>
  );
}
