import { Form } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field } from "~/components/ui/Field";
import { SAVED_SEARCH_NAME_MAX } from "~/schemas/talent-search";

/** Saves the search on screen (its query string) under a name, in the consultant's saved searches. */
export function SaveSearchForm({ query, suggestedName }: { query: string; suggestedName: string }) {
  return (
    <Form method="post" action="/cabinet/recherches" className="talent-save">
      <CsrfField />
      <input type="hidden" name="intent" value="create" />
      <input type="hidden" name="query" value={query} />
      <Field
        label="Nom de la recherche"
        name="name"
        defaultValue={suggestedName}
        maxLength={SAVED_SEARCH_NAME_MAX}
        required
        hint="Relancez-la d’un clic depuis « Mes recherches », avec le nombre de nouveaux profils."
      />
      <button type="submit" className="button-secondary">Enregistrer</button>
    </Form>
  );
}
