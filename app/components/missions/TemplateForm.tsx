import { Form, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, TextArea } from "~/components/ui/Field";
import { PLACEHOLDER_LABEL, PLACEHOLDERS, TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX } from "~/schemas/message-template";

/** One form for a new template and an edited one (the editor pattern). */
export function TemplateForm({ values, errors, submitLabel }: { values: { name: string; body: string }; errors: Record<string, string>; submitLabel: string }) {
  const busy = useNavigation().state === "submitting";
  return (
    <Form method="post" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="save" />
      <Field label="Nom du modèle" name="name" required maxLength={TEMPLATE_NAME_MAX} defaultValue={values.name} error={errors.name} />
      <TextArea label="Message" name="body" rows={10} required maxLength={TEMPLATE_BODY_MAX} defaultValue={values.body} error={errors.body}
        hint="Les mots entre accolades sont remplis avec le poste de la mission à l’envoi (voir la liste ci-dessous)." />
      <details>
        <summary>Les champs que vous pouvez utiliser</summary>
        <ul className="small">
          {PLACEHOLDERS.map((p) => <li key={p}><code>{`{${p}}`}</code> : {PLACEHOLDER_LABEL[p]}</li>)}
        </ul>
      </details>
      <div className="actions"><button type="submit" disabled={busy}>{submitLabel}</button></div>
    </Form>
  );
}
