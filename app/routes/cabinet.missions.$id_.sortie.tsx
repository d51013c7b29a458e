import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { StageBadge } from "~/components/missions/StageBadge";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert, Select, TextArea } from "~/components/ui/Field";
import { exitCandidates, moveEntries } from "~/domain/shortlist-moves.server";
import { idsFrom } from "~/schemas/mission";
import { fieldErrors } from "~/schemas/errors";
import { moveSchema, NOT_RETAINED_REASONS, STAGE_LABEL, WITHDREW_REASONS } from "~/schemas/shortlist";
import { findCabinetMission } from "~/domain/talent-search.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction = () => [{ title: "Sortie de la liste restreinte — Vivier — Cabinet" }];

type Exit = "NOT_RETAINED" | "WITHDREW";
const exitOf = (v: unknown): Exit | null => (v === "NOT_RETAINED" || v === "WITHDREW" ? v : null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const url = new URL(request.url);
  const to = exitOf(url.searchParams.get("vers"));
  const found = to ? await exitCandidates(user, params.id ?? "", idsFrom(url.searchParams), to) : null;
  if (!found || !to) throw notFound();
  return json({ ...found, to });
}

type ActionData = { error: string | null; details: string[]; fieldErrors: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const id = params.id ?? "";
  // Not the consultant's mission: not found, whatever was posted (the form is read after).
  if (!(await findCabinetMission(user, id))) throw notFound();
  const parsed = moveSchema.safeParse({ to: exitOf(form.get("to")) ?? "", exitReason: form.get("exitReason") ?? "", feedback: form.get("feedback") ?? "", reason: form.get("reason") ?? "" });
  if (!parsed.success) return json<ActionData>({ error: "Précisez la sortie : les champs signalés manquent.", details: [], fieldErrors: fieldErrors(parsed.error) }, { status: 400 });
  const ids = idsFrom(form);
  if (ids.length === 0) return json<ActionData>({ error: "Aucun candidat n’est choisi : revenez à la liste et cochez-en.", details: [], fieldErrors: {} }, { status: 400 });
  const r = await moveEntries(user, id, ids, parsed.data);
  if (!r.ok) throw notFound();
  if (r.refused.length) {
    return json<ActionData>({ error: `${r.refused.length > 1 ? "Ces candidats ne peuvent" : "Ce candidat ne peut"} pas sortir ainsi :`, details: r.refused.map((x) => `${x.label} — ${x.error}`), fieldErrors: {} }, { status: 409 });
  }
  return redirect(`/cabinet/missions/${id}?ok=sortie`);
}

export default function ExitPage() {
  const { mission, entries, to } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors = data?.fieldErrors ?? {};
  const reasons = to === "NOT_RETAINED" ? NOT_RETAINED_REASONS : WITHDREW_REASONS;
  const allowed = entries.filter((e) => e.allowed);
  return (
    <>
      <p><Link to={`/cabinet/missions/${mission.id}`}>← {mission.title}</Link></p>
      <h1>{to === "NOT_RETAINED" ? "Ne pas retenir" : "Enregistrer un désistement"}</h1>
      {data?.error ? <FormAlert>{data.error}{data.details.length ? <ul>{data.details.map((d) => <li key={d}>{d}</li>)}</ul> : null}</FormAlert> : null}
      {entries.length === 0 ? (
        <p>Aucun des candidats choisis n’est (ou plus) sur la liste de cette mission. <Link to={`/cabinet/missions/${mission.id}`}>Revenir à la liste</Link></p>
      ) : (
        <>
          <ul>
            {entries.map((e) => (
              <li key={e.id}>{e.label} — <StageBadge stage={e.stage} />{e.allowed ? null : <span className="muted"> (ne peut pas passer à « {STAGE_LABEL[to]} » depuis cette étape)</span>}</li>
            ))}
          </ul>
          {!mission.open ? <p className="muted">Cette mission est terminée : sa liste ne change plus.</p> : allowed.length === 0 ? null : (
            <Form method="post" noValidate>
              <CsrfField />
              <input type="hidden" name="to" value={to} />
              {allowed.map((e) => <input key={e.id} type="hidden" name="ids" value={e.id} />)}
              <Select label={to === "NOT_RETAINED" ? "Raison" : "Raison du désistement"} name="exitReason" required defaultValue="" error={errors.exitReason}>
                <option value="" disabled>Choisir…</option>
                {Object.entries(reasons).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
              </Select>
              {to === "NOT_RETAINED" ? (
                <TextArea label="Retour au candidat" name="feedback" rows={5} required error={errors.feedback}
                  hint="Le candidat le lit dans son espace : quelques phrases honnêtes et utiles. Il ne voit jamais vos notes ni vos scores." />
              ) : null}
              <TextArea label="Note interne (facultative)" name="reason" rows={2} error={errors.reason} hint="Visible des seuls consultants de la mission, dans l’historique." />
              <div className="actions">
                <button type="submit" disabled={busy}>{to === "NOT_RETAINED" ? `Ne pas retenir (${allowed.length})` : `Enregistrer le désistement (${allowed.length})`}</button>
                <Link to={`/cabinet/missions/${mission.id}`}>Annuler</Link>
              </div>
            </Form>
          )}
        </>
      )}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
