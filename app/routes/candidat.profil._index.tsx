import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ProfileEditor } from "~/components/candidates/ProfileEditor";
import { FormAlert } from "~/components/ui/Field";
import { getOwnProfile, saveProfile } from "~/domain/candidates.server";
import { fieldErrors, formValues, profileFormState, profileSchema, submittedFormState } from "~/schemas/profile";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mon parcours et mes souhaits — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const profile = await getOwnProfile(user);
  const commune = profile?.homeCommune;
  return json({
    defaults: profileFormState(profile),
    homeCommune: commune ? { code: commune.code, label: `${commune.name} (${commune.departementCode})` } : null,
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  const values = formValues(form);
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) {
    return json({ ok: false as const, values: submittedFormState(values), fieldErrors: fieldErrors(parsed.error), hiddenEmployerAdded: null }, { status: 400 });
  }
  const result = await saveProfile(user, parsed.data);
  if (!result.ok) return json({ ok: false as const, values: submittedFormState(values), fieldErrors: result.fieldErrors, hiddenEmployerAdded: null }, { status: 400 });
  return json({ ok: true as const, values: null, fieldErrors: {} as Record<string, string>, hiddenEmployerAdded: result.hiddenEmployerAdded });
}

export default function ProfilePage() {
  const { defaults, homeCommune } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h2>Parcours et souhaits</h2>
      {result?.ok ? (
        <FormAlert tone="success">
          Votre profil est enregistré.
          {result.hiddenEmployerAdded
            ? ` Nous avons ajouté ${result.hiddenEmployerAdded} à votre liste « Ne pas me montrer à » : cet employeur ne vous verra jamais.`
            : ""}
        </FormAlert>
      ) : null}
      <ProfileEditor
        defaults={result?.values ?? defaults}
        serverErrors={result?.fieldErrors ?? {}}
        homeCommune={homeCommune}
      />
    </>
  );
}
