import { hidesFrom } from "~/access/rules";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { OrganizationPicker } from "~/components/candidates/OrganizationPicker";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import {
  addHiddenOrganization, getOwnProfile, removeHiddenOrganization, searchHideableOrganizations, setVisibility,
  type HideableOrganization,
} from "~/domain/candidates.server";
import { fieldErrors, hiddenOrganizationSchema, VISIBILITY_CHOICES, visibilitySchema } from "~/schemas/profile";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Visibilité et confidentialité — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const profile = await getOwnProfile(user);
  const hiddenFrom = profile?.hiddenFrom ?? [];
  const employer = profile?.currentEmployerKey && profile.currentEmployerName
    ? { officialKey: profile.currentEmployerKey, name: profile.currentEmployerName }
    : null;
  return json({
    visibility: profile?.visibility ?? "HIDDEN",
    hiddenFrom,
    // The current employer, offered when the candidate removed it from the list.
    employerNotHidden: employer && !hidesFrom({ hiddenFrom }, [employer.officialKey]) ? employer : null,
  });
}

type ActionData = {
  intent: string;
  message: string | null;
  fieldErrors: Record<string, string>;
  matches: HideableOrganization[];
  query: string;
};

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const intent = String(form.get("intent") ?? "");
  const reply = (data: Partial<ActionData>, status = 200) =>
    json<ActionData>({ intent, message: null, fieldErrors: {}, matches: [], query: "", ...data }, { status });

  if (intent === "visibility") {
    const parsed = visibilitySchema.safeParse({ visibility: form.get("visibility") ?? undefined });
    if (!parsed.success) return reply({ fieldErrors: fieldErrors(parsed.error) }, 400);
    await setVisibility(user, parsed.data.visibility);
    return reply({ message: "Votre choix de visibilité est enregistré." });
  }
  if (intent === "unhide") {
    await removeHiddenOrganization(user, String(form.get("officialKey") ?? ""));
    return reply({ message: "L’organisation est retirée de votre liste." });
  }
  if (intent === "hide") {
    const parsed = hiddenOrganizationSchema.safeParse({ officialKey: form.get("officialKey") ?? undefined, query: form.get("query") ?? undefined });
    if (!parsed.success) return reply({ fieldErrors: fieldErrors(parsed.error), query: String(form.get("query") ?? "") }, 400);
    let officialKey = parsed.data.officialKey;
    if (!officialKey) {
      // Typed without picking (no JavaScript): one match is taken, several are offered.
      const matches = await searchHideableOrganizations(parsed.data.query, 10);
      if (matches.length !== 1) {
        return reply({
          query: parsed.data.query,
          matches,
          fieldErrors: matches.length === 0 ? { query: "Aucune organisation ne porte ce nom : vérifiez l’orthographe." } : {},
        }, matches.length === 0 ? 400 : 200);
      }
      officialKey = matches[0].officialKey;
    }
    const result = await addHiddenOrganization(user, officialKey);
    if (!result.ok) return reply({ fieldErrors: { query: result.error }, query: parsed.data.query }, 400);
    return reply({ message: `${result.name} ne vous verra jamais.` });
  }
  return reply({ message: null }, 400);
}

export default function VisibilityPage() {
  const { visibility, hiddenFrom, employerNotHidden } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = result?.fieldErrors ?? {};
  return (
    <>
      <h2>Qui peut voir mon profil ?</h2>
      {result?.intent === "visibility" && result.message ? <FormAlert tone="success">{result.message}</FormAlert> : null}
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="intent" value="visibility" />
        <fieldset>
          <legend>Visibilité de mon profil</legend>
          {errors.visibility ? <p className="field-error" role="alert">{errors.visibility}</p> : null}
          {VISIBILITY_CHOICES.map((choice) => (
            <Field key={choice.value} type="radio" name="visibility" value={choice.value}
              defaultChecked={visibility === choice.value} className="visibility-choice"
              label={<strong>{choice.label}</strong>} hint={choice.explanation} />
          ))}
          <p className="hint">
            Quel que soit votre choix, les employeurs ne parcourent jamais le vivier : ils ne vous voient que si vous
            leur envoyez une candidature, ou si un cabinet vous présente à eux avec votre accord.
          </p>
        </fieldset>
        <div className="actions">
          <button type="submit" disabled={busy}>Enregistrer ma visibilité</button>
        </div>
      </Form>

      <h2 id="ne-pas-montrer">Ne pas me montrer à</h2>
      <p>
        Les organisations de cette liste ne vous verront jamais : ni dans le vivier, ni dans une candidature, ni dans
        une présentation par un cabinet. Votre employeur actuel y est ajouté dès que vous l’indiquez.
      </p>
      {result && result.intent !== "visibility" && result.message ? <FormAlert tone="success">{result.message}</FormAlert> : null}
      {hiddenFrom.length ? (
        <ul className="hidden-list" aria-labelledby="ne-pas-montrer">
          {hiddenFrom.map((h) => (
            <li key={h.officialKey}>
              <span>{h.name}</span>
              <Form method="post" className="inline">
                <CsrfField />
                <input type="hidden" name="intent" value="unhide" />
                <input type="hidden" name="officialKey" value={h.officialKey} />
                <button type="submit" className="button-link" disabled={busy}>
                  Retirer<span className="visually-hidden"> {h.name} de la liste</span>
                </button>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Votre liste est vide.</p>
      )}
      {employerNotHidden ? (
        <Form method="post" className="card suggestion">
          <CsrfField />
          <input type="hidden" name="intent" value="hide" />
          <input type="hidden" name="officialKey" value={employerNotHidden.officialKey} />
          <p>Votre employeur actuel, {employerNotHidden.name}, n’est pas dans la liste.</p>
          <button type="submit" className="button-secondary" disabled={busy}>Ne pas me montrer à {employerNotHidden.name}</button>
        </Form>
      ) : null}

      <Form method="post" noValidate className="hide-form">
        <CsrfField />
        <input type="hidden" name="intent" value="hide" />
        <OrganizationPicker key={hiddenFrom.map((h) => h.officialKey).join()} label="Ajouter une organisation" keyName="officialKey" textName="query"
          defaultText={result?.query ?? ""}
          hint="Commune, intercommunalité, département, région ou cabinet : tapez son nom et choisissez-la dans la liste."
          error={errors.query} />
        <div className="actions">
          <button type="submit" disabled={busy}>Ajouter à la liste</button>
        </div>
      </Form>
      {result?.matches.length ? (
        <section aria-labelledby="matches-title">
          <h3 id="matches-title">Plusieurs organisations correspondent à « {result.query} » : laquelle ?</h3>
          <ul className="match-list">
            {result.matches.map((m) => (
              <li key={m.officialKey}>
                <Form method="post" className="inline">
                  <CsrfField />
                  <input type="hidden" name="intent" value="hide" />
                  <input type="hidden" name="officialKey" value={m.officialKey} />
                  <button type="submit" className="button-link">{m.name}</button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
