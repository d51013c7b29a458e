import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { CsrfField } from "~/components/ui/CsrfField";
import { Field, FormAlert } from "~/components/ui/Field";
import { addReferee, listOwnReferees, removeReferee } from "~/domain/candidate-missions.server";
import { fieldErrors } from "~/schemas/errors";
import { REFEREES_MAX, refereeSchema } from "~/schemas/evaluation";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Mes références — Vivier" }];

/** GET /candidat/references — the people a cabinet may contact about the candidate, with their consent for each mission. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  return json({ referees: await listOwnReferees(user), max: REFEREES_MAX });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "candidat");
  if (form.get("intent") === "remove") {
    await removeReferee(user, String(form.get("refereeId") ?? ""));
    return redirect("/candidat/references?ok=retiree");
  }
  const values = { name: String(form.get("name") ?? ""), relation: String(form.get("relation") ?? ""), contact: String(form.get("contact") ?? "") };
  const parsed = refereeSchema.safeParse(values);
  if (!parsed.success) return json({ values, fieldErrors: fieldErrors(parsed.error), error: null as string | null }, { status: 400 });
  const result = await addReferee(user, parsed.data);
  if (!result.ok) return json({ values, fieldErrors: {} as Record<string, string>, error: result.error as string | null }, { status: 409 });
  return redirect("/candidat/references?ok=ajoutee");
}

const OK: Record<string, string> = { ajoutee: "La référence est ajoutée.", retiree: "La référence est retirée." };

export default function Referees() {
  const { referees, max } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const ok = useSearchParams()[0].get("ok");
  const errors: Record<string, string> = data?.fieldErrors ?? {};
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (data && Object.keys(data.fieldErrors).length) first.current?.focus();
  }, [data]);
  return (
    <>
      <h1>Mes références</h1>
      <p>
        Les personnes qui peuvent parler de votre travail : un ancien DGS, un élu, un collègue. Un cabinet ne les
        contacte qu’avec votre accord, que vous donnez mission par mission dans{" "}
        <Link to="/candidat/missions">vos missions</Link>. Prévenez-les avant de les indiquer.
      </p>
      {ok && OK[ok] && !data ? <FormAlert tone="success">{OK[ok]}</FormAlert> : null}
      {referees.length === 0 ? <p className="muted">Vous n’avez indiqué aucune référence pour le moment.</p> : (
        <ul className="contact-list">
          {referees.map((r) => (
            <li key={r.id} className="card">
              <p><strong>{r.name}</strong> — {r.relation}</p>
              <p className="muted">{r.contact}</p>
              <Form method="post" className="inline">
                <CsrfField />
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="refereeId" value={r.id} />
                <button type="submit" className="button-secondary" disabled={busy}>Retirer<span className="visually-hidden"> {r.name}</span></button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <h2>Ajouter une référence</h2>
      {referees.length >= max ? <p className="muted">Vous avez indiqué {max} références : retirez-en une pour en ajouter une autre.</p> : (
        <Form method="post" noValidate className="narrow">
          <CsrfField />
          <input type="hidden" name="intent" value="add" />
          {data?.error ? <FormAlert>{data.error}</FormAlert> : null}
          <Field ref={first} label="Nom" name="name" required autoComplete="off" defaultValue={data?.values.name ?? ""} error={errors.name} />
          <Field label="Votre lien avec elle" name="relation" required defaultValue={data?.values.relation ?? ""} error={errors.relation}
            hint="Par exemple : DGS de la commune où j’étais responsable des finances (2016-2021)." />
          <Field label="Comment la joindre" name="contact" required defaultValue={data?.values.contact ?? ""} error={errors.contact}
            hint="Un téléphone ou une adresse e-mail." />
          <div className="actions"><button type="submit" disabled={busy}>Ajouter cette référence</button></div>
        </Form>
      )}
    </>
  );
}
