import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useNavigation } from "@remix-run/react";
import { MatchReasons } from "~/components/matching/MatchReasons";
import { plural } from "~/components/talent/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert } from "~/components/ui/Field";
import { Pagination } from "~/components/ui/Table";
import { addSuggestionToShortlist, missionSuggestions, type MissionSuggestionsPage } from "~/domain/match-pages.server";
import type { Suggestion } from "~/domain/suggestions.server";
import { addSuggestionSchema } from "~/schemas/matching";
import { requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Profils suggérés — ${data?.mission.title ?? "Mission"} — Vivier — Cabinet` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const page = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const data = await missionSuggestions(user, params.id ?? "", { page: Number.isSafeInteger(page) ? page : 1 });
  return json(data, { status: data.result ? 200 : 503 });
}

/** « Ajouter à la liste »: the candidate enters the mission's shortlist as identifié. */
export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const parsed = addSuggestionSchema.safeParse({ profileId: form.get("profileId") ?? "" });
  if (!parsed.success) return json({ ok: false as const, error: parsed.error.issues[0]?.message ?? "Choisissez un candidat.", label: null }, { status: 400 });
  const added = await addSuggestionToShortlist(user, params.id ?? "", parsed.data.profileId);
  if (!added.ok) return json({ ok: false as const, error: added.error, label: null }, { status: added.status });
  return json({ ok: true as const, error: null, label: String(form.get("label") ?? "").slice(0, 120) || null });
}

function Intro({ data }: { data: MissionSuggestionsPage }) {
  const r = data.result;
  if (!r) return null;
  if (r.total === 0) {
    return (
      <p role="status">
        Aucun profil du vivier ne ressort pour ce poste pour le moment ({plural(r.examined, "profil examiné", "profils examinés")}). Élargissez la
        recherche dans le <Link to={`/cabinet/vivier?mission=${data.mission.id}`}>vivier</Link> ou revenez plus tard : les suggestions suivent les
        nouveaux profils.
      </p>
    );
  }
  return (
    <p role="status">
      {plural(r.total, "profil suggéré", "profils suggérés")} parmi {plural(r.examined, "profil examiné", "profils examinés")}, les plus pertinents
      d’abord.{r.pageCount > 1 ? ` Page ${r.page} sur ${r.pageCount}.` : ""}
    </p>
  );
}

function SuggestionCard({ s, active, busy }: { s: Suggestion; active: boolean; busy: boolean }) {
  const headingId = `suggestion-${s.profileId}`;
  return (
    <article className="card" aria-labelledby={headingId}>
      <header className="suggestion-head">
        <h3 id={headingId}>{s.label}</h3>
        {s.anonymous ? <span className="badge badge-grey">Anonyme</span> : null}
      </header>
      <p className="small">
        {s.currentFunction ?? <span className="muted">Fonction non renseignée</span>}
        {s.statut ? <> — {s.statut}</> : null}
      </p>
      <MatchReasons score={s.score} capped={s.capped} reasons={s.reasons} labelledBy={headingId} />
      {active ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="profileId" value={s.profileId} />
          <input type="hidden" name="label" value={s.label} />
          <button type="submit" className="button-secondary" disabled={busy}>
            Ajouter à la liste<span className="visually-hidden"> : {s.label}</span>
          </button>
        </Form>
      ) : null}
    </article>
  );
}

export default function MissionSuggestions() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const location = useLocation();
  const busy = useNavigation().state === "submitting";
  const { mission } = data;
  return (
    <>
      <p><Link to={`/cabinet/missions/${mission.id}`}>← {mission.title}</Link></p>
      <h1>Profils suggérés</h1>
      <p className="muted">
        {mission.title} — {mission.collectiviteName}, {mission.commune}. Le vivier est parcouru avec les règles de confidentialité de la recherche,
        puis chaque profil est noté de 0 à 100 sur le statut, les compétences, la distance, la rémunération, le logement et la disponibilité. Les
        candidats déjà sur la liste de la mission, et ceux qui ne veulent pas être montrés à votre cabinet ou à ce client, n’apparaissent pas.
      </p>
      {!mission.active ? <FormAlert tone="info">Cette mission est terminée : on ne peut plus y ajouter de candidat.</FormAlert> : null}
      {result?.ok ? (
        <FormAlert tone="success">
          {result.label ?? "Le candidat"} est ajouté à la liste de la mission, à l’étape « identifié ». <Link to={`/cabinet/missions/${mission.id}`}>Voir la mission</Link>
        </FormAlert>
      ) : null}
      {result && !result.ok ? <FormAlert>{result.error}</FormAlert> : null}
      {data.unavailable ? <FormAlert>{data.unavailable}</FormAlert> : null}
      <Intro data={data} />
      {data.result && data.result.suggestions.length ? (
        <ol className="suggestions">
          {data.result.suggestions.map((s) => (
            <li key={s.profileId}>
              <SuggestionCard s={s} active={mission.active} busy={busy} />
            </li>
          ))}
        </ol>
      ) : null}
      {data.result && data.result.pageCount > 1 ? <Pagination page={data.result.page} pageCount={data.result.pageCount} search={location.search} label="Pages de suggestions" /> : null}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
