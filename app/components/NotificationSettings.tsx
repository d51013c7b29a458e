import { Form, useNavigation } from "@remix-run/react";
import { NOTIFICATION_MODES, NOTIFICATION_MODE_LABEL, type NotificationKind, type NotificationMode } from "~/schemas/notifications";
import { CsrfField } from "./ui/CsrfField";
import { FormAlert } from "./ui/Field";

/**
 * « Mes courriels »: one group of three radios per kind of optional mail (at once, in the daily
 * digest, never). A plain form: it works before JavaScript loads. Shared by the three spaces.
 */
export function NotificationSettings({
  preferences, digestHour, email, saved, error, candidate = false,
}: {
  preferences: Array<{ kind: NotificationKind; label: string; mode: NotificationMode }>;
  digestHour: number;
  email: string;
  saved: boolean;
  error: string | null;
  candidate?: boolean;
}) {
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <h1>Mes courriels</h1>
      <p>
        Choisissez comment Vivier vous prévient, à l’adresse <strong>{email}</strong> : tout de suite, dans un récapitulatif
        envoyé chaque jour vers {digestHour} h (heure de Paris) s’il y a du nouveau, ou jamais. Les courriels de sécurité
        (invitation, réinitialisation du mot de passe) sont toujours envoyés.
      </p>
      {candidate ? (
        <p className="hint">
          Par discrétion, nos courriels ne nomment ni le poste, ni l’employeur, ni le cabinet : ils disent seulement que du
          nouveau vous attend ici.
        </p>
      ) : null}
      {saved && !error ? <FormAlert tone="success">Vos choix sont enregistrés.</FormAlert> : null}
      <FormAlert>{error}</FormAlert>
      <Form method="post" className="notification-settings">
        <CsrfField />
        {preferences.map((p) => (
          <fieldset key={p.kind} className="inline-choices">
            <legend>{p.label}</legend>
            {NOTIFICATION_MODES.map((mode) => (
              <div key={mode} className="field field-check">
                <input type="radio" id={`${p.kind}-${mode}`} name={p.kind} value={mode} defaultChecked={p.mode === mode} />
                <label htmlFor={`${p.kind}-${mode}`}>{NOTIFICATION_MODE_LABEL[mode]}</label>
              </div>
            ))}
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit" disabled={busy}>{busy ? "Enregistrement…" : "Enregistrer mes choix"}</button>
        </div>
      </Form>
    </>
  );
}
