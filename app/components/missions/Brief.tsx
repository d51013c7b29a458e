import { Form, useNavigation } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/components/positions/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, TextArea } from "~/components/ui/Field";
import type { BriefVersion } from "~/domain/mission-brief.server";
import { BRIEF_COLLECTIVITE_TYPE_LABEL, BRIEF_COLLECTIVITE_TYPES, BRIEF_FIELD_LABEL, BRIEF_SIZES, type BriefChange, type BriefContent } from "~/schemas/mission-brief";

/** The brief's form (every save a new version), its history, and the brief as the collectivité reads it. */

function Choices({ legend, name, options, checked }: { legend: string; name: string; options: Array<{ value: string; label: string }>; checked: readonly string[] }) {
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      <div className="choices-grid">
        {options.map((o) => (
          <div className="field field-check" key={o.value}>
            <input type="checkbox" id={`${name}-${o.value}`} name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
            <label htmlFor={`${name}-${o.value}`}>{o.label}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

export function BriefForm({ values, regions, errors, open }: { values: BriefContent; regions: Array<{ code: string; name: string }>; errors: Record<string, string>; open: boolean }) {
  const busy = useNavigation().state === "submitting";
  const L = BRIEF_FIELD_LABEL;
  return (
    <Form method="post" className="brief-form" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="save" />
      <fieldset disabled={!open}>
        <legend className="visually-hidden">Cadrage de la mission</legend>
        <h3>La collectivité et le poste</h3>
        <TextArea label={L.context} name="context" rows={4} defaultValue={values.context} error={errors.context} hint="Pourquoi ce recrutement, maintenant ; ce qui est en jeu pour la collectivité." />
        <TextArea label={L.transformation} name="transformation" rows={3} defaultValue={values.transformation} error={errors.transformation} />
        <TextArea label={L.offer} name="offer" rows={3} defaultValue={values.offer} error={errors.offer} hint="Au-delà de la rémunération et des avantages de l’offre : projets, marges de manœuvre, accompagnement." />
        <h3>Viviers visés</h3>
        <TextArea label={L.targetFunctions} name="targetFunctions" rows={3} defaultValue={values.targetFunctions.join("\n")} error={errors.targetFunctions} hint="Une fonction par ligne (exemple : DGS d’une commune de 3 000 habitants). Elles servent de mots-clés à « Lancer la recherche »." />
        <Choices legend={L.targetCollectiviteTypes} name="targetCollectiviteTypes" options={BRIEF_COLLECTIVITE_TYPES.map((t) => ({ value: t, label: BRIEF_COLLECTIVITE_TYPE_LABEL[t] }))} checked={values.targetCollectiviteTypes} />
        <Choices legend={L.targetSizes} name="targetSizes" options={BRIEF_SIZES.map((s) => ({ value: s, label: s }))} checked={values.targetSizes} />
        <Choices legend={L.targetRegions} name="targetRegions" options={regions.map((r) => ({ value: r.code, label: r.name }))} checked={values.targetRegions} />
        <h3>Profils recherchés</h3>
        <TextArea label={L.priorityCompetencies} name="priorityCompetencies" rows={3} defaultValue={values.priorityCompetencies.join("\n")} error={errors.priorityCompetencies} hint="Une compétence par ligne." />
        <TextArea label={L.careerPaths} name="careerPaths" rows={3} defaultValue={values.careerPaths} error={errors.careerPaths} hint="Par exemple : adjoint au DGS d’une ville moyenne, secrétaire général d’un EPCI, cadre d’une administration d’État." />
        <Field type="checkbox" label={L.atypicalWelcome} name="atypicalWelcome" defaultChecked={values.atypicalWelcome} />
        <TextArea label={L.atypicalTerms} name="atypicalTerms" rows={2} defaultValue={values.atypicalTerms} error={errors.atypicalTerms} hint="Si les profils atypiques sont bienvenus : à quelles conditions (formation, période d’adaptation…)." />
        <div className="actions"><button type="submit" disabled={busy}>Enregistrer une nouvelle version</button></div>
      </fieldset>
    </Form>
  );
}

function Change({ change }: { change: BriefChange }) {
  if (change.kind === "list") {
    return (
      <li>
        {change.label} : {[change.added.length ? `ajouté ${change.added.join(", ")}` : "", change.removed.length ? `retiré ${change.removed.join(", ")}` : ""].filter(Boolean).join(" ; ")}
      </li>
    );
  }
  if (change.kind === "flag") return <li>{change.label} : {change.after ? "oui" : "non"}</li>;
  return <li>{change.label} : {change.before ? "modifié" : "écrit"}{change.after ? "" : " (effacé)"}</li>;
}

export function BriefHistory({ versions }: { versions: BriefVersion[] }) {
  if (versions.length === 0) return <p className="muted">Aucune version enregistrée pour le moment.</p>;
  return (
    <ol className="history brief-history" reversed>
      {versions.map((v) => (
        <li key={v.version}>
          <strong>Version {v.version}</strong>, le <time dateTime={v.at}>{formatDateTime(v.at)}</time>{v.author ? `, par ${v.author}` : ""}
          {v.changes.length ? <ul className="small">{v.changes.map((c) => <Change key={c.field} change={c} />)}</ul> : null}
        </li>
      ))}
    </ol>
  );
}

/** The brief as text, for the collectivité's employers (never anything of the shortlist). */
export function BriefText({ content }: { content: Omit<BriefContent, "targetCollectiviteTypes"> & { targetCollectiviteTypes: string[] } }) {
  const L = BRIEF_FIELD_LABEL;
  const items: Array<[string, string]> = [
    [L.context, content.context],
    [L.transformation, content.transformation],
    [L.offer, content.offer],
    [L.targetFunctions, content.targetFunctions.join(", ")],
    [L.targetCollectiviteTypes, content.targetCollectiviteTypes.join(", ")],
    [L.targetSizes, content.targetSizes.join(", ")],
    [L.targetRegions, content.targetRegions.join(", ")],
    [L.priorityCompetencies, content.priorityCompetencies.join(", ")],
    [L.careerPaths, content.careerPaths],
    [L.atypicalWelcome, content.atypicalWelcome ? `Oui${content.atypicalTerms ? ` : ${content.atypicalTerms}` : ""}` : "Non"],
  ];
  return (
    <dl className="facts brief-text">
      {items.filter(([, v]) => v).map(([k, v]) => (
        <div className="fact" key={k}><dt>{k}</dt><dd className="prewrap">{v}</dd></div>
      ))}
    </dl>
  );
}

export function briefStatus(s: { sharedAt: string | null; agreedAt: string | null; agreedByName: string | null }): string {
  if (s.agreedAt) return `Validé par la collectivité le ${formatDate(s.agreedAt)}${s.agreedByName ? ` (${s.agreedByName})` : ""}.`;
  if (s.sharedAt) return `Partagé avec la collectivité le ${formatDate(s.sharedAt)}, en attente de sa validation.`;
  return "Pas encore partagé avec la collectivité.";
}
