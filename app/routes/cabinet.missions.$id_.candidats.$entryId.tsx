import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { formatDay } from "~/components/candidates/format";
import { EntryTimeline } from "~/components/shortlist/EntryTimeline";
import { InterviewNotes } from "~/components/shortlist/InterviewNotes";
import { MoveForms } from "~/components/shortlist/MoveForms";
import { ReferencesPanel } from "~/components/shortlist/ReferencesPanel";
import { ScorecardPanel } from "~/components/shortlist/ScorecardPanel";
import { FormAlert } from "~/components/ui/Field";
import { MatchReasons } from "~/components/matching/MatchReasons";
import { EntryPresentationCard } from "~/components/presentations/EntryPresentationCard";
import { openEntry } from "~/domain/evaluations.server";
import { matchForEntry } from "~/domain/match-pages.server";
import { entryPresentationState } from "~/domain/presentations.server";
import { entryAction } from "~/domain/shortlist-entry-actions.server";
import { SOURCE_LABEL, STAGE_LABEL } from "~/schemas/shortlist";
import { ENTRY_OK, type EntryActionData, type EntryIntent } from "~/schemas/shortlist-entry-page";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.entry.label ?? "Candidat"} — ${data?.position.title ?? "Mission"} — Vivier — Cabinet` },
];

const today = new Intl.DateTimeFormat("fr-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** GET /cabinet/missions/:id/candidats/:entryId — one candidate of the mission's list, for its consultants only. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const page = await openEntry(user, params.id ?? "", params.entryId ?? "", context?.clientAddress ?? "unknown");
  if (!page) throw notFound();
  const [match, presentation] = await Promise.all([matchForEntry(user, page.entry.id), entryPresentationState(user, page.entry.id)]);
  return json({ ...page, match, presentation, today: today.format(new Date()) });
}

export const action = entryAction;

export default function ShortlistEntryPage() {
  const { entry, position, missionId, timeline, moves, missionOpen, evaluation, match, presentation, today } = useLoaderData<typeof loader>();
  const data = (useActionData<typeof action>() ?? null) as EntryActionData | null;
  const busy = useNavigation().state === "submitting";
  const ok = useSearchParams()[0].get("ok") as EntryIntent | null;
  const withdrawn = entry.sight === "withdrawn";
  const open = missionOpen && !!evaluation;
  return (
    <>
      <p><Link to={`/cabinet/missions/${missionId}`}>← {position.title} — {position.collectivite}</Link></p>
      <h1>{entry.label}</h1>
      {ok && ENTRY_OK[ok] && !data ? <FormAlert tone="success">{ENTRY_OK[ok]}</FormAlert> : null}
      <dl className="facts">
        <dt>Étape</dt>
        <dd>{STAGE_LABEL[entry.stage]}, depuis le {formatDay(entry.stageChangedAt)}</dd>
        {withdrawn ? null : (
          <>
            <dt>Source</dt>
            <dd>{SOURCE_LABEL[entry.source]}</dd>
            {entry.currentFunction ? <><dt>Fonction actuelle</dt><dd>{entry.currentFunction}{entry.currentEmployerName ? ` — ${entry.currentEmployerName}` : ""}</dd></> : null}
            {entry.grade || entry.cadreEmplois ? <><dt>Grade</dt><dd>{entry.grade ?? entry.cadreEmplois}</dd></> : null}
            {entry.email ? <><dt>E-mail</dt><dd><a href={`mailto:${entry.email}`}>{entry.email}</a></dd></> : null}
            {evaluation?.hasCv ? (
              <><dt>CV</dt><dd><a href={`/cabinet/missions/${missionId}/candidats/${entry.id}/cv`} download>Télécharger le CV<span className="visually-hidden"> de {entry.label}</span></a></dd></>
            ) : null}
          </>
        )}
      </dl>
      {withdrawn ? (
        <p className="alert alert-info">
          Ce candidat a demandé à ne plus être montré à votre cabinet ou à la collectivité : il reste sur la liste pour
          mémoire, sans identité, sans notes ni CV.
        </p>
      ) : entry.sight === "pseudonym" ? (
        <p className="muted">
          Profil anonyme : vous saurez qui est ce candidat s’il accepte votre proposition pour cette mission ou s’il y postule.
          L’évaluation (entretiens, grilles, références) s’ouvre alors.
        </p>
      ) : null}

      {match ? (
        <section aria-labelledby="adequation">
          <h2 id="adequation">Adéquation au poste</h2>
          <MatchReasons score={match.score} capped={match.capped} reasons={match.reasons} labelledBy="adequation" />
        </section>
      ) : null}
      <EntryPresentationCard state={presentation} />
      {withdrawn ? null : (
        <section aria-labelledby="parcours">
          <h2 id="parcours">Parcours sur la liste</h2>
          <EntryTimeline events={timeline} />
        </section>
      )}
      <section aria-labelledby="etape">
        <h2 id="etape">Changer d’étape</h2>
        <MoveForms moves={moves} who={entry.label} data={data} busy={busy} />
      </section>
      {evaluation ? (
        <>
          <section aria-labelledby="entretiens">
            <h2 id="entretiens">Entretiens</h2>
            <InterviewNotes notes={evaluation.interviews} open={open} data={data} busy={busy} today={today} />
          </section>
          <section aria-labelledby="grilles">
            <h2 id="grilles">Grilles d’évaluation</h2>
            <ScorecardPanel criteria={evaluation.criteria} scorecards={evaluation.scorecards} average={evaluation.average} open={open} data={data} busy={busy} />
          </section>
          <section aria-labelledby="references">
            <h2 id="references">Références</h2>
            {entry.sight === "external" ? (
              <p className="muted">Personne rencontrée hors de Vivier : ses références se prennent hors de la plateforme.</p>
            ) : (
              <ReferencesPanel refs={evaluation.references} open={open} data={data} busy={busy} today={today} />
            )}
          </section>
        </>
      ) : null}
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
