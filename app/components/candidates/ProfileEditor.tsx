import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { get, useFieldArray, useForm } from "react-hook-form";
import { CommunePicker } from "~/components/ui/CommunePicker";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert, Select, TextArea } from "~/components/ui/Field";
import { CATEGORIES, FILIERES, getCadre } from "~/reference/statute";
import {
  blankDiploma, blankPost, profileSchema, STATUS_LABEL, STATUSES,
  type ProfileFormState, type ProfileFormValues, type ProfileInput,
} from "~/schemas/profile";
import { OrganizationPicker } from "./OrganizationPicker";

/**
 * The profile form: situation, career, wishes. One component for the first profile and every
 * later edit. It posts a plain form (it works before JavaScript loads); once loaded,
 * react-hook-form checks it with the same schema as the action, field by field, before sending.
 */
export function ProfileEditor({
  defaults, serverErrors, homeCommune,
}: {
  defaults: ProfileFormState;
  serverErrors: Record<string, string>;
  /** The saved home commune, to show its name rather than its code. */
  homeCommune: { code: string; label: string } | null;
}) {
  const submit = useSubmit();
  const busy = useNavigation().state === "submitting";
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const { register, handleSubmit, control, watch, setValue, formState } = useForm<ProfileFormValues, unknown, ProfileInput>({
    resolver: zodResolver(profileSchema),
    defaultValues: defaults as ProfileFormValues,
    mode: "onSubmit",
    // Errors clear as the field is corrected, not on blur: a message vanishing under the pointer
    // would move the submit button between mousedown and mouseup.
    reValidateMode: "onChange",
  });
  const posts = useFieldArray({ control, name: "previousPosts" });
  const diplomas = useFieldArray({ control, name: "diplomas" });

  const error = (name: string): string | undefined => {
    const clientError = (get(formState.errors, name) as { message?: unknown } | undefined)?.message;
    return typeof clientError === "string" ? clientError : serverErrors[name];
  };
  const errorCount = Object.keys(serverErrors).length + Object.keys(formState.errors).length;

  const cadreField = register("cadreEmplois");
  const cadreCode = watch("cadreEmplois") as string | undefined;
  const cadre = cadreCode ? getCadre(cadreCode) : undefined;
  // Before JavaScript, every grade is offered (grouped by cadre); after, those of the chosen cadre.
  const gradeGroups = hydrated && cadre ? [cadre] : FILIERES.flatMap((f) => f.cadres);

  const postRows = hydrated ? posts.fields.map((f, i) => ({ key: f.id, index: i })) : defaults.previousPosts.map((_, i) => ({ key: String(i), index: i }));
  const diplomaRows = hydrated ? diplomas.fields.map((f, i) => ({ key: f.id, index: i })) : defaults.diplomas.map((_, i) => ({ key: String(i), index: i }));
  const postDefault = (i: number) => defaults.previousPosts[i] ?? blankPost();
  const diplomaDefault = (i: number) => defaults.diplomas[i] ?? blankDiploma();

  return (
    <Form
      method="post"
      noValidate
      className="profile-editor"
      onSubmit={(event) => {
        const target = event.currentTarget;
        void handleSubmit(() => submit(target, { method: "post" }))(event);
      }}
    >
      <CsrfField />
      {errorCount > 0 ? <FormAlert>Le profil n’a pas été enregistré : corrigez les champs signalés.</FormAlert> : null}

      <fieldset>
        <legend>Ma situation</legend>
        <div className="grid-2">
          <Select label="Statut" required {...register("status")} defaultValue={defaults.status} error={error("status")}>
            <option value="">Choisissez…</option>
            {STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
          </Select>
          <Field label="Fonction actuelle" {...register("currentFunction")} defaultValue={defaults.currentFunction}
            hint="Exemple : directrice des finances" error={error("currentFunction")} />
          <Select label="Cadre d’emplois" {...cadreField} defaultValue={defaults.cadreEmplois}
            hint="Obligatoire pour un fonctionnaire titulaire ; celui de référence pour un contractuel."
            error={error("cadreEmplois")}
            onChange={(e) => {
              void cadreField.onChange(e);
              // A grade belongs to one cadre: changing the cadre clears it.
              setValue("grade", "");
            }}>
            <option value="">Aucun</option>
            {FILIERES.map((f) => (
              <optgroup key={f.code} label={f.label}>
                {f.cadres.map((c) => <option key={c.code} value={c.code}>{c.label} (catégorie {c.categorie})</option>)}
              </optgroup>
            ))}
          </Select>
          <Select label="Grade" {...register("grade")} defaultValue={defaults.grade} error={error("grade")}>
            <option value="">Aucun</option>
            {gradeGroups.map((c) => (
              <optgroup key={c.code} label={c.label}>
                {c.grades.map((g) => <option key={`${c.code}-${g}`} value={g}>{g}</option>)}
              </optgroup>
            ))}
          </Select>
          <Select label="Lauréat(e) de concours, inscrit(e) sur liste d’aptitude" {...register("laureateCadre")} defaultValue={defaults.laureateCadre}
            hint="Le concours obtenu, par son cadre d’emplois : un employeur peut vous nommer sur un poste de ce cadre."
            error={error("laureateCadre")}>
            <option value="">Non</option>
            {FILIERES.map((f) => (
              <optgroup key={f.code} label={f.label}>
                {f.cadres.map((c) => <option key={c.code} value={c.code}>Concours des {c.label.toLowerCase()} (catégorie {c.categorie})</option>)}
              </optgroup>
            ))}
          </Select>
          <Field label="Année d’inscription sur la liste d’aptitude" inputMode="numeric" {...register("laureateYear")} defaultValue={defaults.laureateYear}
            hint="Exemple : 2025" error={error("laureateYear")} />
          <OrganizationPicker
            label="Employeur actuel"
            hint="Tapez le nom de votre collectivité et choisissez-la dans la liste ; pour un employeur privé, tapez simplement son nom."
            keyName="currentEmployerKey"
            textName="currentEmployerName"
            defaultKey={defaults.currentEmployerKey}
            defaultText={defaults.currentEmployerName}
            allowFreeText
            error={error("currentEmployerName") ?? error("currentEmployerKey")}
            onChange={({ officialKey, text }) => {
              setValue("currentEmployerKey", officialKey);
              setValue("currentEmployerName", text);
            }}
          />
          <Field label="Années d’expérience" inputMode="numeric" {...register("yearsExperience")} defaultValue={defaults.yearsExperience}
            error={error("yearsExperience")} />
        </div>
      </fieldset>

      <fieldset>
        <legend>Mon parcours</legend>
        <h3>Postes précédents</h3>
        <p className="hint">Laissez vide une ligne dont vous n’avez pas besoin.</p>
        {postRows.map(({ key, index }) => (
          <div key={key} className="profile-row">
            <Field label={`Poste ${index + 1} : intitulé`} {...register(`previousPosts.${index}.title`)} defaultValue={postDefault(index).title}
              error={error(`previousPosts.${index}.title`)} />
            <Field label={`Poste ${index + 1} : employeur`} {...register(`previousPosts.${index}.employer`)} defaultValue={postDefault(index).employer}
              error={error(`previousPosts.${index}.employer`)} />
            <Field label={`Poste ${index + 1} : de (année)`} inputMode="numeric" className="field-year" {...register(`previousPosts.${index}.from`)}
              defaultValue={postDefault(index).from} error={error(`previousPosts.${index}.from`)} />
            <Field label={`Poste ${index + 1} : à (année)`} inputMode="numeric" className="field-year" {...register(`previousPosts.${index}.to`)}
              defaultValue={postDefault(index).to} error={error(`previousPosts.${index}.to`)} />
            {hydrated && postRows.length > 1 ? (
              <button type="button" className="button-link" onClick={() => posts.remove(index)}>
                Retirer le poste {index + 1}
              </button>
            ) : null}
          </div>
        ))}
        {hydrated ? (
          <button type="button" className="button-secondary" onClick={() => posts.append(blankPost())}>Ajouter un poste</button>
        ) : null}

        <h3>Diplômes</h3>
        {diplomaRows.map(({ key, index }) => (
          <div key={key} className="profile-row profile-row-diploma">
            <Field label={`Diplôme ${index + 1} : intitulé`} {...register(`diplomas.${index}.title`)} defaultValue={diplomaDefault(index).title}
              error={error(`diplomas.${index}.title`)} />
            <Field label={`Diplôme ${index + 1} : année`} inputMode="numeric" className="field-year" {...register(`diplomas.${index}.year`)}
              defaultValue={diplomaDefault(index).year} error={error(`diplomas.${index}.year`)} />
            {hydrated && diplomaRows.length > 1 ? (
              <button type="button" className="button-link" onClick={() => diplomas.remove(index)}>
                Retirer le diplôme {index + 1}
              </button>
            ) : null}
          </div>
        ))}
        {hydrated ? (
          <button type="button" className="button-secondary" onClick={() => diplomas.append(blankDiploma())}>Ajouter un diplôme</button>
        ) : null}

        <div className="grid-2">
          <TextArea label="Compétences" {...register("competencies")} defaultValue={defaults.competencies}
            hint="Une par ligne. Exemple : Prospective financière" error={error("competencies")} />
          <TextArea label="Langues" {...register("languages")} defaultValue={defaults.languages}
            hint="Une par ligne. Exemple : Anglais (courant)" error={error("languages")} />
        </div>
        <TextArea label="Présentation" {...register("summary")} defaultValue={defaults.summary}
          hint="Quelques lignes sur votre parcours et ce que vous cherchez (2 000 caractères au plus)." error={error("summary")} />
      </fieldset>

      <fieldset>
        <legend>Mes souhaits</legend>
        <TextArea label="Fonctions recherchées" {...register("wishedFunctions")} defaultValue={defaults.wishedFunctions}
          hint="Une par ligne. Exemple : Directeur général des services" error={error("wishedFunctions")} />
        <fieldset className="choices">
          <legend>Filières recherchées</legend>
          {error("wishedFilieres") ? <p className="field-error" role="alert">{error("wishedFilieres")}</p> : null}
          <div className="choices-grid">
            {FILIERES.map((f) => (
              <Field key={f.code} type="checkbox" value={f.code} label={f.label.replace(/^Filière /, "")}
                {...register("wishedFilieres")} defaultChecked={defaults.wishedFilieres.includes(f.code)} />
            ))}
          </div>
        </fieldset>
        <fieldset className="choices">
          <legend>Catégories recherchées</legend>
          {error("wishedCategories") ? <p className="field-error" role="alert">{error("wishedCategories")}</p> : null}
          <div className="choices-grid">
            {CATEGORIES.map((c) => (
              <Field key={c} type="checkbox" value={c} label={`Catégorie ${c}`}
                {...register("wishedCategories")} defaultChecked={defaults.wishedCategories.includes(c)} />
            ))}
          </div>
        </fieldset>
        <div className="grid-2">
          <CommunePicker label="Commune de résidence" name="homeCommuneCode"
            defaultCode={defaults.homeCommuneCode}
            defaultLabel={homeCommune && homeCommune.code === defaults.homeCommuneCode ? homeCommune.label : ""}
            error={error("homeCommuneCode")}
            onChange={(code) => setValue("homeCommuneCode", code)} />
          <Field label="Distance maximale acceptée (km)" inputMode="numeric" {...register("maxDistanceKm")} defaultValue={defaults.maxDistanceKm}
            hint="Depuis votre commune." error={error("maxDistanceKm")} />
          <Field label="Salaire annuel brut souhaité (€)" inputMode="numeric" {...register("salaryExpectation")} defaultValue={defaults.salaryExpectation}
            hint="Exemple : 52000" error={error("salaryExpectation")} />
          <Field label="Jours de télétravail souhaités par semaine" inputMode="numeric" {...register("remoteDaysWished")} defaultValue={defaults.remoteDaysWished}
            hint="De 0 à 5." error={error("remoteDaysWished")} />
          <Field label="Disponible à partir du" type="date" {...register("availableFrom")} defaultValue={defaults.availableFrom}
            hint="Tenez compte de votre préavis (ou de votre mutation)." error={error("availableFrom")} />
        </div>
        <Field type="checkbox" label="Je peux déménager pour un poste" {...register("willingToRelocate")} defaultChecked={defaults.willingToRelocate} />
        <Field type="checkbox" label="J’aurai besoin d’un logement" {...register("needsHousing")} defaultChecked={defaults.needsHousing} />
      </fieldset>

      <div className="actions">
        <button type="submit" disabled={busy}>{busy ? "Enregistrement…" : "Enregistrer mon profil"}</button>
      </div>
    </Form>
  );
}
