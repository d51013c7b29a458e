import { Form, Link, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { CommitteeAccess } from "~/components/presentations/CommitteeAccess";
import { CsrfField } from "~/components/ui/CsrfField";
import type { EmployerPosition, PositionAction } from "~/domain/positions.server";
import { COMMITTEE_ROLE_LABEL, COMMITTEE_ROLES, STATE_LABEL } from "~/schemas/position";
import { formatDateTime } from "./format";

/** The employer's page of a position: what they can do with it, and what stays internal. */

function ActionForm({ intent, children, confirm, className, extra }: { intent: string; children: ReactNode; confirm?: string; className?: string; extra?: ReactNode }) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  return (
    <Form
      method="post"
      className="inline-form"
      onSubmit={(e) => {
        // With JavaScript, an irreversible change asks first; without it, the button is the confirmation.
        if (confirm && !window.confirm(confirm)) e.preventDefault();
      }}
    >
      <CsrfField />
      <input type="hidden" name="intent" value={intent} />
      {extra}
      <button type="submit" className={className} disabled={busy}>{children}</button>
    </Form>
  );
}

export function PositionActions({ position, actions, editable }: { position: EmployerPosition; actions: PositionAction[]; editable: boolean }) {
  const confidential = position.confidential;
  return (
    <div className="actions position-actions" role="group" aria-label="Actions sur le poste">
      {editable ? <Link className="button button-secondary" to={`/employeur/postes/${position.offer.id}/modifier`}>Modifier</Link> : null}
      {actions.includes("publish") ? (
        <ActionForm intent="publish">{confidential ? "Lancer la recherche confidentielle" : "Publier l’offre"}</ActionForm>
      ) : null}
      {actions.includes("fill") ? (
        <ActionForm intent="fill" className="button-secondary" confirm="Marquer ce poste comme pourvu ? L’offre sera retirée et les missions terminées.">Marquer pourvu</ActionForm>
      ) : null}
      {actions.includes("close") ? (
        <ActionForm intent="close" className="button-secondary" confirm="Clore ce poste ? L’offre sera retirée et les missions terminées.">Clore le poste</ActionForm>
      ) : null}
      <ActionForm intent="duplicate" className="button-secondary">Dupliquer</ActionForm>
      {position.state === "DRAFT" && !position.events.some((e) => e.toState === "PUBLISHED") ? (
        <ActionForm intent="delete" className="button-danger" confirm="Supprimer définitivement ce brouillon ?">Supprimer le brouillon</ActionForm>
      ) : null}
    </div>
  );
}

export function CommitteePanel({ position }: { position: EmployerPosition }) {
  const total = position.criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <section aria-labelledby="comite" className="card">
      <h2 id="comite">Comité et critères <span className="badge badge-grey">Interne</span></h2>
      {position.committee.length === 0 ? (
        <p className="muted">Aucun membre du comité. Désignez au moins une personne qui décide avant de lancer la recherche.</p>
      ) : (
        COMMITTEE_ROLES.map((role) => {
          const members = position.committee.filter((m) => m.role === role);
          return members.length ? (
            <div key={role}>
              <h3>{COMMITTEE_ROLE_LABEL[role]}</h3>
              <ul>{members.map((m) => <li key={m.id}>{m.name}, {m.function}<CommitteeAccess positionId={position.offer.id} member={m} /></li>)}</ul>
            </div>
          ) : null;
        })
      )}
      <h3>Critères d’évaluation</h3>
      {position.criteria.length === 0 ? (
        <p className="muted">Aucun critère défini.</p>
      ) : (
        <div className="table-scroll"><table>
          <caption className="visually-hidden">Critères d’évaluation et leur poids</caption>
          <thead><tr><th scope="col">Critère</th><th scope="col">Poids</th></tr></thead>
          <tbody>
            {position.criteria.map((c) => <tr key={c.id}><td>{c.label}</td><td className="num">{c.weight}</td></tr>)}
          </tbody>
          <tfoot><tr><th scope="row">Total</th><td className="num">{total}</td></tr></tfoot>
        </table></div>
      )}
    </section>
  );
}

export function MissionsPanel({ position, cabinets }: { position: EmployerPosition; cabinets: Array<{ id: string; name: string }> }) {
  const active = position.missions.filter((m) => m.status === "ACTIVE");
  const available = cabinets.filter((c) => !active.some((m) => m.cabinetId === c.id));
  const open = position.state === "DRAFT" || position.state === "PUBLISHED";
  return (
    <section aria-labelledby="missions" className="card">
      <h2 id="missions">Cabinet mandaté</h2>
      {position.missions.length === 0 ? <p className="muted">Aucun cabinet n’est mandaté pour ce poste.</p> : (
        <ul>
          {position.missions.map((m) => (
            <li key={m.id}>
              {m.cabinetName} — {m.status === "ACTIVE" ? "mission en cours" : "mission terminée"}, depuis le {formatDateTime(m.createdAt)}
              {m.status === "ACTIVE" ? (
                <ActionForm intent="end-mission" className="button-link" confirm={`Mettre fin à la mission de ${m.cabinetName} ?`} extra={<input type="hidden" name="missionId" value={m.id} />}>
                  Mettre fin<span className="visually-hidden"> à la mission de {m.cabinetName}</span>
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {open && available.length ? (
        <Form method="post" className="mandate-form">
          <CsrfField />
          <input type="hidden" name="intent" value="mandate" />
          <div className="field">
            <label htmlFor="mandat-cabinet">Confier la recherche à un cabinet</label>
            <p id="mandat-cabinet-hint" className="hint">Ses consultants verront ce poste, même confidentiel, et mèneront la recherche.</p>
            <select id="mandat-cabinet" name="cabinetId" aria-describedby="mandat-cabinet-hint" defaultValue="" required>
              <option value="" disabled>Choisir un cabinet…</option>
              {available.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </div>
          <button type="submit" className="button-secondary">Mandater ce cabinet</button>
        </Form>
      ) : null}
    </section>
  );
}

function eventLabel(e: EmployerPosition["events"][number]): string {
  if (!e.fromState) return `Création (${STATE_LABEL[e.toState].toLowerCase()})`;
  if (e.fromState === e.toState) return "Modification";
  return `${STATE_LABEL[e.fromState]} → ${STATE_LABEL[e.toState]}`;
}

export function HistoryPanel({ position }: { position: EmployerPosition }) {
  return (
    <section aria-labelledby="historique" className="card">
      <h2 id="historique">Historique</h2>
      <ol className="history">
        {position.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatDateTime(e.at)}</time> — {eventLabel(e)}
            {e.by ? <>, par {e.by}</> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
