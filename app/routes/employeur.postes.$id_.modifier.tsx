import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PositionEditor } from "~/components/positions/PositionEditor";
import { FormAlert } from "~/components/ui/Field";
import { positionEditorAction } from "~/domain/position-editor.server";
import { EDITABLE_STATES, getPositionForEdit } from "~/domain/positions.server";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Modifier « ${data?.title ?? "poste"} » — Vivier` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const position = await getPositionForEdit(user, params.id ?? "");
  if (!position) throw notFound();
  return json({ ...position, id: params.id ?? "", editable: EDITABLE_STATES.includes(position.state) });
}

export async function action(args: ActionFunctionArgs) {
  return positionEditorAction(args);
}

export default function EditPosition() {
  const position = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>Modifier le poste</h1>
      {!position.editable ? (
        <FormAlert tone="info">Ce poste est pourvu ou clos : il ne se modifie plus. Dupliquez-le pour en faire un nouveau.</FormAlert>
      ) : position.state === "PUBLISHED" ? (
        <FormAlert tone="info">Ce poste est en cours de recherche : vos modifications seront visibles dès l’enregistrement.</FormAlert>
      ) : null}
      <PositionEditor
        values={data?.values ?? position.values}
        communeLabel={data ? data.communeLabel : position.communeLabel}
        serverErrors={data?.fieldErrors}
        formError={data?.formError}
        submitLabel="Enregistrer les modifications"
        cancelHref={`/employeur/postes/${position.id}`}
      />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
