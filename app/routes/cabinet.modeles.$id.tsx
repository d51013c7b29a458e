import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { TemplateForm } from "~/components/missions/TemplateForm";
import { CsrfField } from "~/components/ui/CsrfField";
import { deleteTemplate, getTemplate, updateTemplate } from "~/domain/message-templates.server";
import { fieldErrors } from "~/schemas/errors";
import { templateSchema } from "~/schemas/message-template";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.template.name ?? "Modèle"} — Modèles de message — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const template = await getTemplate(user, params.id ?? "");
  if (!template) throw notFound();
  return json({ template });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  // Not a template of the cabinet: not found, whatever was posted (the form is read after).
  if (!(await getTemplate(user, id))) throw notFound();
  if (form.get("intent") === "delete") {
    const r = await deleteTemplate(user, id);
    if (!r.ok) throw notFound();
    return redirect("/cabinet/modeles?ok=supprime");
  }
  const values = { name: String(form.get("name") ?? ""), body: String(form.get("body") ?? "") };
  const parsed = templateSchema.safeParse(values);
  if (!parsed.success) return json({ values, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const r = await updateTemplate(user, id, parsed.data);
  if (!r.ok) throw notFound();
  return redirect("/cabinet/modeles?ok=enregistre");
}

export default function EditTemplate() {
  const { template } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <p><Link to="/cabinet/modeles">← Modèles de message</Link></p>
      <h1>{template.name}</h1>
      <TemplateForm values={data?.values ?? template} errors={data?.fieldErrors ?? {}} submitLabel="Enregistrer les modifications" />
      <Form method="post" className="danger-zone" onSubmit={(e) => { if (!window.confirm("Supprimer ce modèle ?")) e.preventDefault(); }}>
        <CsrfField />
        <input type="hidden" name="intent" value="delete" />
        <button type="submit" className="button-danger">Supprimer le modèle</button>
      </Form>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
