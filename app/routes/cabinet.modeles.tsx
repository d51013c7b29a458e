import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { TemplateForm } from "~/components/missions/TemplateForm";
import { FormAlert } from "~/components/ui/Field";
import { createTemplate, listTemplates } from "~/domain/message-templates.server";
import { fieldErrors } from "~/schemas/errors";
import { templateSchema } from "~/schemas/message-template";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Modèles de message — Vivier — Cabinet" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  return json({ templates: await listTemplates(user) });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const values = { name: String(form.get("name") ?? ""), body: String(form.get("body") ?? "") };
  const parsed = templateSchema.safeParse(values);
  if (!parsed.success) return json({ values, fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  await createTemplate(user, parsed.data);
  return redirect("/cabinet/modeles?ok=cree");
}

const SUCCESS: Record<string, string> = { cree: "Le modèle est enregistré.", enregistre: "Le modèle est modifié.", supprime: "Le modèle est supprimé." };

export default function Templates() {
  const { templates } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const ok = params.get("ok");
  return (
    <>
      <h1>Modèles de message</h1>
      <p className="muted">
        Les messages d’approche de votre cabinet, partagés par ses consultants. À l’envoi depuis une mission, les champs entre
        accolades sont remplis avec le poste ; pour une recherche confidentielle, ni la collectivité ni sa commune ne sont nommées.
      </p>
      {!data && ok && SUCCESS[ok] ? <FormAlert tone="success">{SUCCESS[ok]}</FormAlert> : null}
      {templates.length === 0 ? <p>Aucun modèle pour le moment : écrivez le premier ci-dessous.</p> : (
        <ul className="template-list">
          {templates.map((t) => (
            <li key={t.id}>
              <h2 className="h3"><Link to={`/cabinet/modeles/${t.id}`}>{t.name}</Link></h2>
              <p className="small muted prewrap clamp">{t.body}</p>
            </li>
          ))}
        </ul>
      )}
      <section aria-labelledby="nouveau-modele">
        <h2 id="nouveau-modele">Nouveau modèle</h2>
        <TemplateForm values={data?.values ?? { name: "", body: "" }} errors={data?.fieldErrors ?? {}} submitLabel="Enregistrer le modèle" />
      </section>
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
