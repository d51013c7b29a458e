import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { PositionEditor } from "~/components/positions/PositionEditor";
import { positionEditorAction } from "~/domain/position-editor.server";
import { emptyPositionValues } from "~/schemas/position";
import { asEmployer } from "~/access/guards.server";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Nouveau poste — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // The employer space also lets committee accounts in (for their finalists): not here.
  asEmployer(await requireUser(request, "employeur"));
  return json({ values: emptyPositionValues() });
}

export async function action(args: ActionFunctionArgs) {
  return positionEditorAction(args);
}

export default function NewPosition() {
  const data = useActionData<typeof action>();
  return (
    <>
      <h1>Nouveau poste</h1>
      <p>
        Décrivez le poste tel qu’un candidat qui devrait déménager le jugera : la rémunération, le logement,
        l’accès et la vie sur place comptent autant que les missions. Le poste est enregistré en brouillon ;
        vous le publierez ensuite.
      </p>
      <PositionEditor
        values={data?.values ?? emptyPositionValues()}
        communeLabel={data?.communeLabel ?? ""}
        serverErrors={data?.fieldErrors}
        formError={data?.formError}
        submitLabel="Enregistrer le brouillon"
        cancelHref="/employeur/postes"
      />
    </>
  );
}
