import { Form, Link, useNavigation } from "@remix-run/react";
import { CsrfField } from "~/components/ui/CsrfField";

/**
 * « Ajouter à la mission » on a talent-search card: a POST to the search page itself (its URL,
 * so the same results come back), which puts the candidate on the mission's list as identifié.
 */
export function AddToMission({ missionId, profileId, who, onList }: { missionId: string; profileId: string; who: string; onList: boolean }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("profileId") === profileId;
  if (onList) {
    return (
      <p className="small">
        <span className="badge badge-green">Sur la liste de la mission</span>{" "}
        <Link to={`/cabinet/missions/${missionId}`}>Voir la liste<span className="visually-hidden"> restreinte de la mission</span></Link>
      </p>
    );
  }
  return (
    <Form method="post" className="inline-form" preventScrollReset>
      <CsrfField />
      <input type="hidden" name="intent" value="add-to-mission" />
      <input type="hidden" name="missionId" value={missionId} />
      <input type="hidden" name="profileId" value={profileId} />
      <button type="submit" disabled={busy}>Ajouter à la mission<span className="visually-hidden"> : {who}</span></button>
    </Form>
  );
}
