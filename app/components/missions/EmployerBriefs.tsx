import { Form, useNavigation } from "@remix-run/react";
import { formatDate } from "~/components/positions/format";
import { CsrfField } from "~/components/ui/CsrfField";
import type { EmployerBrief } from "~/domain/mission-brief.server";
import { BriefText } from "./Brief";

/**
 * The briefs the mandated cabinets shared, on the employer's position page: the brief and the
 * agreement, nothing of the shortlist (the client sees no candidate before presentation).
 */
export function EmployerBriefs({ briefs }: { briefs: EmployerBrief[] }) {
  const busy = useNavigation().state === "submitting";
  if (briefs.length === 0) return null;
  return (
    <section aria-labelledby="cadrage" className="card brief-shared">
      <h2 id="cadrage">Cadrage de la recherche</h2>
      {briefs.map((b) => (
        <div key={b.missionId} className="brief-of-cabinet">
          {briefs.length > 1 ? <h3>{b.cabinetName}</h3> : null}
          <p className="small muted">
            Partagé par {b.cabinetName} le {formatDate(b.sharedAt)}{b.updatedAt > b.sharedAt ? `, mis à jour le ${formatDate(b.updatedAt)}` : ""}.
          </p>
          <BriefText content={b.content} />
          {b.agreedAt ? (
            <p><span className="badge badge-green">Cadrage validé</span> le {formatDate(b.agreedAt)}{b.agreedByName ? ` par ${b.agreedByName}` : ""}.</p>
          ) : b.open ? (
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="intent" value="agree-brief" />
              <input type="hidden" name="missionId" value={b.missionId} />
              <p className="small">En le validant, vous confirmez au cabinet que ce cadrage reflète vos attentes ; il peut lancer la recherche.</p>
              <button type="submit" disabled={busy}>Valider le cadrage<span className="visually-hidden"> de {b.cabinetName}</span></button>
            </Form>
          ) : null}
        </div>
      ))}
    </section>
  );
}
