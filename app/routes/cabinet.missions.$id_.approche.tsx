import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { candidates } from "~/components/missions/labels";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert, TextArea } from "~/components/ui/Field";
import { approachPage, sendApproach } from "~/domain/message-templates.server";
import { idsFrom } from "~/schemas/mission";
import { PLACEHOLDERS, TEMPLATE_BODY_MAX } from "~/schemas/message-template";
import { findCabinetMission } from "~/domain/talent-search.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Approcher des candidats — Vivier — Cabinet" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const url = new URL(request.url);
  const page = await approachPage(user, params.id ?? "", idsFrom(url.searchParams), url.searchParams.get("modele"));
  if (!page) throw notFound();
  return json(page);
}

type ActionData = { error: string | null; done: { requests: number; messages: number; skipped: number; failures: string[] } | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  // Not the consultant's mission: not found, whatever was posted (the form is read after).
  if (!(await findCabinetMission(user, id))) throw notFound();
  const message = String(form.get("message") ?? "").trim();
  if (message.length < 20 || message.length > TEMPLATE_BODY_MAX) {
    return json<ActionData>({ error: "Écrivez le message (quelques phrases, 2 000 caractères au plus), ou choisissez un modèle.", done: null }, { status: 400 });
  }
  const r = await sendApproach(user, id, idsFrom(form), message);
  if (!r.ok) {
    if (r.status === 404) throw notFound();
    return json<ActionData>({ error: r.error, done: null }, { status: r.status });
  }
  return json<ActionData>({ error: null, done: r });
}

export default function ApproachPage() {
  const { mission, entries, templates, templateId, message } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const reachable = entries.filter((e) => e.way);
  const back = `/cabinet/missions/${mission.id}`;
  if (data?.done) {
    const d = data.done;
    return (
      <>
        <h1>Approche envoyée</h1>
        <FormAlert tone="success">
          {d.requests ? `${candidates(d.requests)} approché${d.requests > 1 ? "s" : ""} (proposition envoyée). ` : ""}
          {d.messages ? `${d.messages} message${d.messages > 1 ? "s" : ""} dans les conversations. ` : ""}
          {d.skipped ? `${candidates(d.skipped)} sans message.` : ""}
        </FormAlert>
        {d.failures.length ? <FormAlert>Non envoyés :<ul>{d.failures.map((f) => <li key={f}>{f}</li>)}</ul></FormAlert> : null}
        <p><Link to={back}>Revenir à la liste restreinte</Link></p>
      </>
    );
  }
  return (
    <>
      <p><Link to={back}>← {mission.title}</Link></p>
      <h1>Approcher avec un message</h1>
      <FormAlert>{data?.error}</FormAlert>
      {entries.length === 0 ? <p>Aucun candidat choisi. <Link to={back}>Cochez des candidats dans la liste</Link>, puis choisissez « Approcher avec un message type ».</p> : (
        <ul>
          {entries.map((e) => (
            <li key={e.id}>
              {e.label} — {e.way === "request" ? "recevra une proposition (il passera à « Approché »)" : e.way === "message" ? "recevra un message dans votre conversation" : <span className="muted">pas de message : {e.why}</span>}
            </li>
          ))}
        </ul>
      )}
      <Form method="get" className="inline-fields">
        {entries.map((e) => <input key={e.id} type="hidden" name="ids" value={e.id} />)}
        <div className="field">
          <label htmlFor="modele">Modèle de message</label>
          <select id="modele" name="modele" defaultValue={templateId ?? ""}>
            <option value="">Sans modèle</option>
            {templates.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary">Utiliser ce modèle</button>
        <Link to="/cabinet/modeles">Gérer les modèles</Link>
      </Form>
      {mission.open && reachable.length ? (
        <Form method="post" key={templateId ?? "aucun"}>
          <CsrfField />
          {reachable.map((e) => <input key={e.id} type="hidden" name="ids" value={e.id} />)}
          <TextArea label="Message" name="message" rows={10} maxLength={TEMPLATE_BODY_MAX} defaultValue={message} required
            hint={`Relisez-le : les champs ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")} restants seront remplis à l’envoi ; pour une recherche confidentielle, {collectivite} et {commune} ne nomment ni la collectivité ni sa commune.`} />
          <div className="actions"><button type="submit" disabled={busy}>Envoyer à {candidates(reachable.length)}</button></div>
        </Form>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
