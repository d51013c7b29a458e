import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { FormProvider, useController, useFieldArray, useForm, useFormContext, useWatch } from "react-hook-form";
import { CommunePicker } from "~/components/ui/CommunePicker";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { METIERS, METIER_CHAMPS } from "~/reference/metiers";
import { CATEGORIES, EMPLOIS_FONCTIONNELS, FILIERES, STRATES, statuteOfCadres } from "~/reference/statute";
import { CONTRACT_GROUNDS, VACANCY_CAUSES, VACANCY_CAUSE_LABEL, VACANCY_REASONS, VACANCY_REASON_LABEL } from "~/schemas/notice";
import {
  BENEFITS,
  COMMITTEE_ROLES,
  COMMITTEE_ROLE_LABEL,
  COMPETENCY_LEVELS,
  COMPETENCY_LEVEL_LABEL,
  HOUSING_KINDS,
  HOUSING_LABEL,
  positionSchema,
  withSpareRows,
  type PositionFormValues,
  type PositionInput,
} from "~/schemas/position";
import {
  Check, Choice, EditorContext, Group, ListCheck, TextBox, TextInput,
  fieldId, useAllErrors, useFieldError, useHydratedEditor, useInitialValues, type FieldPath,
} from "./editor-fields";

/**
 * The one form that creates and edits a position (routes employeur.postes.nouveau and
 * employeur.postes.$id_.modifier; their shared action is app/domain/position-editor.server.ts).
 * A native <Form method="post">: react-hook-form validates with the shared zod schema in the
 * browser and then lets Remix post the form itself, so the server reads exactly the same fields
 * with or without JavaScript, and validates them again.
 */
export function PositionEditor({
  values,
  communeLabel,
  serverErrors,
  formError,
  submitLabel,
  cancelHref,
}: {
  values: PositionFormValues;
  communeLabel: string;
  serverErrors?: Record<string, string>;
  formError?: string | null;
  submitLabel: string;
  cancelHref: string;
}) {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  // The values the page was rendered with; later renders must not reset what is being typed.
  const [initial] = useState(() => withSpareRows(values));
  const methods = useForm<PositionFormValues, unknown, PositionInput>({
    defaultValues: initial,
    resolver: zodResolver(positionSchema),
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const busy = useNavigation().state === "submitting";

  // The server's verdict (e.g. a commune missing from the official list) joins the browser's.
  useEffect(() => {
    if (!serverErrors) return;
    Object.entries(serverErrors).forEach(([path, message], i) => {
      methods.setError(path as FieldPath, { type: "server", message }, { shouldFocus: i === 0 });
    });
  }, [serverErrors, methods]);

  const onSubmit = methods.handleSubmit(() => {
    if (formRef.current) submit(formRef.current, { method: "post" });
  });

  return (
    <EditorContext.Provider value={{ initial, serverErrors: serverErrors ?? {}, hydrated }}>
      <FormProvider {...methods}>
        <Form method="post" ref={formRef} noValidate onSubmit={hydrated ? onSubmit : undefined} className="position-editor">
          <CsrfField />
          <FormAlert>{formError}</FormAlert>
          <ErrorSummary />
          <p className="hint">Les champs marqués d’un astérisque (*) sont obligatoires.</p>
          <div className="editor-layout">
            <SectionNav />
            <div className="editor-sections">
              <section id="section-poste" aria-label="Le poste"><PostSection communeLabel={communeLabel} /></section>
              <section id="section-vacance" aria-label="Déclaration de vacance"><NoticeSection /></section>
              <section id="section-remuneration" aria-label="Rémunération"><PaySection /></section>
              <section id="section-logement" aria-label="Logement"><HousingSection /></section>
              <section id="section-mobilite" aria-label="Mobilité"><MobilitySection /></section>
              <section id="section-territoire" aria-label="Territoire"><TerritorySection /></section>
              <section id="section-comite" aria-label="Comité et critères"><CommitteeSection /></section>
              <section id="section-diffusion" aria-label="Diffusion">
                <fieldset>
                  <legend>Diffusion</legend>
                  <Check
                    path="confidential"
                    label="Recherche confidentielle : l’offre n’est pas publiée"
                    hint="Seuls votre collectivité et le cabinet que vous mandatez voient alors ce poste."
                  />
                </fieldset>
              </section>
            </div>
          </div>
          {/* Stays in view at the bottom of the window: a 5,000 px form is saved from anywhere. */}
          <div className="actions save-bar">
            <button type="submit" disabled={busy}>{busy ? "Enregistrement…" : submitLabel}</button>
            <Link to={cancelHref}>Annuler</Link>
          </div>
        </Form>
      </FormProvider>
    </EditorContext.Provider>
  );
}

/** The form's sections, each with the first fields of its own (for its count of errors). */
const SECTIONS: ReadonlyArray<{ id: string; label: string; fields: readonly string[] }> = [
  { id: "section-poste", label: "Le poste", fields: ["title", "filiere", "categorie", "cadresEmplois", "grades", "emploiFonctionnel", "strate", "openTo", "fullTime", "hoursPerWeek", "communeCode", "startDate", "deadline", "missions", "competencies", "teamSize", "budgetManaged"] },
  { id: "section-vacance", label: "Déclaration de vacance", fields: ["vacancyCause", "vacancyReason", "contractGround"] },
  { id: "section-remuneration", label: "Rémunération", fields: ["salaryMin", "salaryMax", "ifse", "cia", "nbiPoints", "benefits"] },
  { id: "section-logement", label: "Logement", fields: ["housing", "housingHelp", "rentT3", "temporaryAccommodation"] },
  { id: "section-mobilite", label: "Mobilité", fields: ["stationDistanceKm", "stationTimeMin", "publicTransport", "serviceVehicle", "remoteDays", "relocationHelp", "spouseJobHelp"] },
  { id: "section-territoire", label: "Territoire", fields: ["territory", "projects"] },
  { id: "section-comite", label: "Comité et critères", fields: ["committee", "criteria"] },
  { id: "section-diffusion", label: "Diffusion", fields: ["confidential"] },
];

/** The side navigation of the sections, each with its errors once the form was checked. */
function SectionNav() {
  const errors = useAllErrors();
  return (
    <nav className="editor-nav" aria-label="Sections du formulaire">
      <ol>
        {SECTIONS.map((section) => {
          const count = errors.filter((e) => section.fields.includes(e.path.split(".")[0])).length;
          return (
            <li key={section.id}>
              <a href={`#${section.id}`}>
                {section.label}
                {count > 0 ? <span className="editor-nav-errors"> — {count === 1 ? "1 erreur" : `${count} erreurs`}</span> : null}
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function ErrorSummary() {
  const errors = useAllErrors();
  if (errors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert">
      <p>
        <strong>{errors.length === 1 ? "Le formulaire contient une erreur" : `Le formulaire contient ${errors.length} erreurs`}</strong>
        {" "}— rien n’a été enregistré. Corrigez {errors.length === 1 ? "le champ signalé" : "les champs signalés"} :
      </p>
      <ul>
        {errors.map((e) => (
          <li key={e.path}><a href={`#${fieldId(e.path)}`}>{e.message}</a></li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Poste

function PostSection({ communeLabel }: { communeLabel: string }) {
  const initial = useInitialValues();
  const { control } = useFormContext<PositionFormValues>();
  const { field } = useController({ control, name: "communeCode" });
  const communeError = useFieldError("communeCode");
  return (
    <fieldset>
      <legend>Le poste</legend>
      <TextInput path="title" label="Intitulé du poste" required hint="Exemple : Directeur général des services (H/F)" />
      <div className="grid-2">
        <Choice path="filiere" label="Filière" required>
          <option value="">Choisir…</option>
          {FILIERES.map((f) => <option key={f.code} value={f.code}>{f.label.replace(/^Filière /, "")}</option>)}
        </Choice>
        <Choice path="categorie" label="Catégorie" required>
          <option value="">Choisir…</option>
          {CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
        </Choice>
      </div>
      <CadresField />
      <div className="grid-2">
        <Choice path="emploiFonctionnel" label="Emploi fonctionnel">
          <option value="">Aucun</option>
          {EMPLOIS_FONCTIONNELS.map((e) => <option key={e.code} value={e.code}>{e.label}</option>)}
        </Choice>
        <Choice path="strate" label="Strate démographique" hint="Pour un emploi fonctionnel de commune.">
          <option value="">Sans objet</option>
          {STRATES.map((s) => <option key={s} value={s}>{s}</option>)}
        </Choice>
      </div>
      <OpenTo />
      <WorkingTime />
      <CommunePicker
        name="communeCode"
        id={fieldId("communeCode")}
        label="Commune du poste"
        required
        defaultCode={initial.communeCode}
        defaultLabel={communeLabel}
        error={communeError}
        inputRef={field.ref}
        onChange={field.onChange}
        onBlur={field.onBlur}
      />
      <div className="grid-2">
        <TextInput path="startDate" type="date" label="Prise de poste souhaitée" hint="La date à laquelle le poste est à pourvoir, que la déclaration de vacance indique." />
        <TextInput path="deadline" type="date" label="Date limite de candidature" />
      </div>
      <TextBox path="missions" label="Missions" required rows={8} hint="Les missions principales, le contexte, les enjeux du poste." />
      <RowsOfCompetencies />
      <div className="grid-2">
        <TextInput path="teamSize" inputMode="numeric" label="Effectif encadré (agents)" />
        <TextInput path="budgetManaged" inputMode="numeric" label="Budget géré (€)" />
      </div>
    </fieldset>
  );
}

/**
 * « Ouvert aux »: an emploi fonctionnel is filled by détachement, and by a contractuel only where
 * the law allows it (app/reference/statute.ts contractOnEmploiFonctionnel; the schema checks it).
 */
function OpenTo() {
  const { control } = useFormContext<PositionFormValues>();
  const fonctionnel = useWatch({ control, name: "emploiFonctionnel" });
  return (
    <Group
      path="openTo"
      legend="Ouvert aux"
      hint={fonctionnel ? "Un emploi fonctionnel se pourvoit par détachement d’un fonctionnaire ; un contractuel n’y est recruté que dans les départements, les régions et les communes et EPCI de plus de 40 000 habitants." : undefined}
    >
      <Check path="openToTitulaires" label={fonctionnel ? "Fonctionnaires titulaires (détachement sur l’emploi fonctionnel)" : "Fonctionnaires titulaires (mutation, détachement)"} />
      <Check path="openToContractuels" label="Contractuels" />
    </Group>
  );
}

function WorkingTime() {
  const { register, control } = useFormContext<PositionFormValues>();
  const initial = useInitialValues();
  const hydrated = useHydratedEditor();
  const fullTime = useWatch({ control, name: "fullTime" });
  return (
    <Group path="fullTime" legend="Temps de travail" className="inline-choices">
      <div className="field field-check">
        <input type="radio" id={fieldId("fullTime-true")} value="true" defaultChecked={initial.fullTime === "true"} {...register("fullTime")} />
        <label htmlFor={fieldId("fullTime-true")}>Temps complet</label>
      </div>
      <div className="field field-check">
        <input type="radio" id={fieldId("fullTime-false")} value="false" defaultChecked={initial.fullTime === "false"} {...register("fullTime")} />
        <label htmlFor={fieldId("fullTime-false")}>Temps non complet</label>
      </div>
      {/* Without JavaScript the field is always there; with it, only for a temps non complet. */}
      {!hydrated || fullTime === "false" ? (
        <TextInput path="hoursPerWeek" inputMode="decimal" label="Durée hebdomadaire (heures)" hint="Pour un temps non complet seulement, par exemple 28." className="narrow-field" />
      ) : null}
    </Group>
  );
}

function CadresField() {
  const { control, setValue } = useFormContext<PositionFormValues>();
  const filiere = useWatch({ control, name: "filiere" });
  const chosen = useWatch({ control, name: "cadresEmplois" });
  const chosenList = Array.isArray(chosen) ? chosen : [];
  // The filière and the catégorie follow from the cadres d'emplois as they are ticked (the
  // schema still checks them, for a form sent without JavaScript or changed afterwards).
  const key = chosenList.join("|");
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    const follows = statuteOfCadres(key ? key.split("|") : []);
    if (follows.filiere) setValue("filiere", follows.filiere, { shouldValidate: false });
    if (follows.categorie) setValue("categorie", follows.categorie, { shouldValidate: false });
  }, [key, setValue]);
  const gradesError = useFieldError("grades");
  return (
    <Group
      path="cadresEmplois"
      legend="Cadres d’emplois et grades acceptés"
      hint="Cochez les cadres d’emplois ouverts au recrutement, puis, si besoin, les grades acceptés (aucun grade coché : tous les grades du cadre)."
    >
      {gradesError ? <p id={`${fieldId("grades")}-error`} className="field-error" role="alert">{gradesError}</p> : null}
      <span id={fieldId("grades")} tabIndex={-1} />
      {FILIERES.map((f) => (
        <details key={f.code} open={f.code === filiere || f.cadres.some((c) => chosenList.includes(c.code))}>
          <summary>{f.label}</summary>
          <ul className="cadres-list">
            {f.cadres.map((c) => (
              <li key={c.code}>
                <ListCheck path="cadresEmplois" value={c.code} id={fieldId(`cadre-${c.code}`)} label={<><strong>{c.label}</strong> — catégorie {c.categorie}{c.enExtinction ? " (en extinction)" : ""}</>} />
                <div role="group" aria-label={`Grades acceptés — ${c.label}`} className="grades-list">
                  {c.grades.map((g, i) => (
                    <ListCheck key={g} path="grades" value={g} id={fieldId(`grade-${c.code}-${i}`)} label={g} />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </details>
      ))}
    </Group>
  );
}

function RowsOfCompetencies() {
  const { control } = useFormContext<PositionFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "competencies" });
  const hydrated = useHydratedEditor();
  return (
    <Group path="competencies" legend="Compétences attendues" hint="Une compétence par ligne, avec son importance. Laissez vides les lignes inutiles.">
      {fields.map((row, i) => (
        <div key={row.id} className="row-grid row-grid-2">
          <TextInput path={`competencies.${i}.label`} label={`Compétence ${i + 1}`} />
          <Choice path={`competencies.${i}.level`} label={`Importance de la compétence ${i + 1}`}>
            {COMPETENCY_LEVELS.map((l) => <option key={l} value={l}>{COMPETENCY_LEVEL_LABEL[l]}</option>)}
          </Choice>
          {hydrated ? <RemoveButton onClick={() => remove(i)} label={`Retirer la compétence ${i + 1}`} /> : null}
        </div>
      ))}
      {hydrated ? (
        <button type="button" className="button-secondary" onClick={() => append({ label: "", level: "IMPORTANT" })}>Ajouter une compétence</button>
      ) : null}
    </Group>
  );
}

function RemoveButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" className="button-link remove-row" onClick={onClick}>
      Retirer<span className="visually-hidden"> : {label.replace(/^Retirer (la |le )?/, "")}</span>
    </button>
  );
}

// ---------------------------------------------------------------------------------------------
// Déclaration de vacance

function NoticeSection() {
  const { control } = useFormContext<PositionFormValues>();
  const reason = useWatch({ control, name: "vacancyReason" });
  const contractuels = useWatch({ control, name: "openToContractuels" });
  const hydrated = useHydratedEditor();
  return (
    <fieldset>
      <legend>Déclaration de vacance</legend>
      <p className="hint">
        Ce que la déclaration de vacance d’emploi doit indiquer (décret n° 2018-1351, art. 3), en plus des
        champs ci-dessus. Versant : fonction publique territoriale.
      </p>
      <div className="grid-2">
        <Choice path="vacancyReason" label="Motif de la vacance">
          <option value="">Choisir…</option>
          {VACANCY_REASONS.map((r) => <option key={r} value={r}>{VACANCY_REASON_LABEL[r]}</option>)}
        </Choice>
        {/* Without JavaScript the cause is always shown: the server keeps it for a vacance only. */}
        {!hydrated || reason === "VACANCE" ? (
          <Choice path="vacancyCause" label="Cause du départ" hint="Pour une vacance d’emploi.">
            <option value="">Choisir…</option>
            {VACANCY_CAUSES.map((c) => <option key={c} value={c}>{VACANCY_CAUSE_LABEL[c]}</option>)}
          </Choice>
        ) : null}
      </div>
      <Choice path="metierCode" label="Métier (Répertoire des métiers territoriaux du CNFPT)" hint="Laissez « Aucun » si aucun métier du répertoire ne correspond.">
        <option value="">Aucun</option>
        {METIER_CHAMPS.map((champ) => (
          <optgroup key={champ} label={champ}>
            {METIERS.filter((m) => m.champ === champ).map((m) => <option key={m.code} value={m.code}>{m.label}</option>)}
          </optgroup>
        ))}
      </Choice>
      <TextInput path="workplace" label="Lieu de travail" hint="Le service et son adresse, par exemple : Mairie, 1 place de la République." />
      <TextBox path="applicationsTo" label="Destinataire des candidatures" rows={3} hint="À qui les candidatures sont adressées, et comment : par exemple « Monsieur le Maire, Mairie, 1 place de la République, 48300 Langogne, ou rh@langogne.fr »." />
      {!hydrated || contractuels ? (
        <Choice path="contractGround" label="Fondement juridique du recrutement d’un contractuel" hint="Pour un poste ouvert aux contractuels.">
          <option value="">Choisir…</option>
          {CONTRACT_GROUNDS.map((g) => <option key={g.code} value={g.code}>{g.label}</option>)}
        </Choice>
      ) : null}
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------
// Rémunération, logement, mobilité, territoire

function PaySection() {
  return (
    <fieldset>
      <legend>Rémunération</legend>
      <div className="grid-2">
        <TextInput path="salaryMin" inputMode="numeric" label="Rémunération brute annuelle minimale (€)" hint="Traitement, régime indemnitaire et NBI compris." />
        <TextInput path="salaryMax" inputMode="numeric" label="Rémunération brute annuelle maximale (€)" />
        <TextInput path="ifse" inputMode="numeric" label="IFSE (€ brut par mois)" />
        <TextInput path="cia" inputMode="numeric" label="CIA (€ brut par an, au plus)" />
        <TextInput path="nbiPoints" inputMode="numeric" label="NBI (points)" />
      </div>
      <Group path="benefits" legend="Avantages">
        <div className="checks-grid">
          {BENEFITS.map((b) => <ListCheck key={b.code} path="benefits" value={b.code} id={fieldId(`benefit-${b.code}`)} label={b.label} />)}
        </div>
      </Group>
    </fieldset>
  );
}

function HousingSection() {
  return (
    <fieldset>
      <legend>Logement</legend>
      <Choice path="housing" label="Logement de fonction">
        {HOUSING_KINDS.map((h) => <option key={h} value={h}>{HOUSING_LABEL[h]}</option>)}
      </Choice>
      <Check path="housingHelp" label="La collectivité aide à trouver un logement" />
      <TextInput path="rentT3" inputMode="numeric" label="Loyer habituel d’un T3 dans la commune (€ par mois)" className="narrow-field" />
      <Check path="temporaryAccommodation" label="Hébergement temporaire possible à l’arrivée" />
    </fieldset>
  );
}

function MobilitySection() {
  return (
    <fieldset>
      <legend>Mobilité</legend>
      <div className="grid-2">
        <TextInput path="stationDistanceKm" inputMode="decimal" label="Distance à la gare la plus proche (km)" />
        <TextInput path="stationTimeMin" inputMode="numeric" label="Temps d’accès à cette gare (minutes)" />
      </div>
      <TextBox path="publicTransport" label="Transports en commun" rows={3} hint="Lignes de car, TER, navettes, fréquence…" />
      <Check path="serviceVehicle" label="Véhicule de service pour les déplacements professionnels" />
      <TextInput path="remoteDays" inputMode="numeric" label="Jours de télétravail possibles par semaine" className="narrow-field" />
      <Check path="relocationHelp" label="Aide au déménagement" />
      <Check path="spouseJobHelp" label="Accompagnement de l’emploi du conjoint" />
    </fieldset>
  );
}

function TerritorySection() {
  return (
    <fieldset>
      <legend>Territoire</legend>
      <TextBox path="territory" label="La vie sur le territoire" rows={5} hint="Quelques lignes : écoles, santé, culture, nature, vie associative…" />
      <TextBox path="projects" label="Les projets de la collectivité pour les années à venir" rows={5} />
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------
// Comité et critères

function CommitteeSection() {
  return (
    <fieldset>
      <legend>Comité et critères</legend>
      <p className="hint">Qui contribue, qui décide, qui évalue — et sur quels critères. Ces informations restent internes à la collectivité et au cabinet mandaté.</p>
      <CommitteeRows />
      <CriteriaRows />
    </fieldset>
  );
}

function CommitteeRows() {
  const { control } = useFormContext<PositionFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "committee" });
  const hydrated = useHydratedEditor();
  return (
    <Group path="committee" legend="Membres du comité" hint="Au moins une personne qui décide avant de lancer la recherche.">
      {fields.map((row, i) => (
        <div key={row.id} className="row-grid row-grid-3">
          <TextInput path={`committee.${i}.name`} label={`Membre ${i + 1} : nom`} />
          <TextInput path={`committee.${i}.function`} label={`Membre ${i + 1} : fonction`} />
          <Choice path={`committee.${i}.role`} label={`Membre ${i + 1} : rôle`}>
            <option value="">Choisir…</option>
            {COMMITTEE_ROLES.map((r) => <option key={r} value={r}>{COMMITTEE_ROLE_LABEL[r]}</option>)}
          </Choice>
          {hydrated ? <RemoveButton onClick={() => remove(i)} label={`Retirer le membre ${i + 1}`} /> : null}
        </div>
      ))}
      {hydrated ? (
        <button type="button" className="button-secondary" onClick={() => append({ name: "", function: "", role: "" })}>Ajouter un membre</button>
      ) : null}
    </Group>
  );
}

function CriteriaRows() {
  const { control } = useFormContext<PositionFormValues>();
  const { fields, append, remove } = useFieldArray({ control, name: "criteria" });
  const criteria = useWatch({ control, name: "criteria" });
  const hydrated = useHydratedEditor();
  const total = (criteria ?? []).reduce((s, c) => s + (Number(c?.weight) || 0), 0);
  // Neutral until a weight is typed: an empty list is not yet wrong.
  const typed = (criteria ?? []).some((c) => String(c?.weight ?? "").trim() !== "");
  return (
    <Group path="criteria" legend="Critères d’évaluation pondérés" hint="Les poids sont des entiers qui totalisent 100.">
      {fields.map((row, i) => (
        <div key={row.id} className="row-grid row-grid-2">
          <TextInput path={`criteria.${i}.label`} label={`Critère ${i + 1}`} />
          <TextInput path={`criteria.${i}.weight`} inputMode="numeric" label={`Poids du critère ${i + 1}`} className="narrow-field" />
          {hydrated ? <RemoveButton onClick={() => remove(i)} label={`Retirer le critère ${i + 1}`} /> : null}
        </div>
      ))}
      {hydrated ? (
        <>
          <p className={!typed || total === 100 ? "hint" : "hint weights-off"} aria-live="polite">Total des poids : {total} / 100</p>
          <button type="button" className="button-secondary" onClick={() => append({ label: "", weight: "" })}>Ajouter un critère</button>
        </>
      ) : null}
    </Group>
  );
}
