import { Link } from "@remix-run/react";
import type { MatchReasonView } from "~/schemas/matching";
import { MatchReasons } from "./MatchReasons";

export type OfferForYouView = {
  id: string;
  title: string;
  organizationName: string;
  commune: string;
  score: number;
  capped: "statut" | "competence" | null;
  reasons: MatchReasonView[];
};

/** « Offres pour vous » on the candidate's home: the public offers that fit them, with why. */
export function OffersForYou({ state, offers }: { state: "no-profile" | "ready"; offers: OfferForYouView[] }) {
  return (
    <section aria-labelledby="offres-pour-vous">
      <h2 id="offres-pour-vous">Offres pour vous</h2>
      {state === "no-profile" ? (
        <p>
          Complétez votre profil (statut, grade, compétences, lieu de vie) : Vivier vous proposera ici les offres qui vous correspondent.{" "}
          <Link to="/candidat/profil">Compléter mon profil</Link>
        </p>
      ) : offers.length === 0 ? (
        <p>
          Aucune offre publiée ne correspond encore à votre profil (statut, compétences indispensables). <Link to="/offres">Parcourir toutes les offres</Link>
        </p>
      ) : (
        <>
          <p className="muted small">
            Les offres publiques qui vous correspondent le mieux, d’après votre profil : votre statut et votre grade, vos compétences, votre lieu de vie et
            vos souhaits. Les employeurs que vous avez écartés n’y figurent jamais.
          </p>
          <ol className="offers-for-you">
            {offers.map((o) => (
              <li key={o.id} className="card">
                <h3 id={`offre-${o.id}`}>
                  <Link to={`/offres/${o.id}`}>{o.title}</Link>
                </h3>
                <p className="small">{o.organizationName} — {o.commune}</p>
                <MatchReasons score={o.score} capped={o.capped} reasons={o.reasons} shown={3} labelledBy={`offre-${o.id}`} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
