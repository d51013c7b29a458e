import type { ReactNode } from "react";
import { Combobox } from "~/components/ui/Combobox";
import type { HideableOrganization } from "~/domain/candidates.server";

export type PickedOrganization = { officialKey: string; name: string };

/** What /api/organisations answers (app/routes/api.organisations.ts), one suggestion. */
type OrganizationOption = HideableOrganization;

const TYPE_LABEL: Record<string, string> = {
  COMMUNE: "Commune",
  EPCI: "Intercommunalité",
  DEPARTEMENT: "Département",
  REGION: "Région",
  CABINET: "Cabinet",
};

async function loadOrganizations(query: string, signal: AbortSignal): Promise<OrganizationOption[]> {
  const res = await fetch(`/api/organisations?q=${encodeURIComponent(query.trim())}`, { signal });
  return ((await res.json()) as { organizations: OrganizationOption[] }).organizations;
}

const plural = (n: number) => (n > 1 ? "s" : "");

/**
 * Picks an organisation of the official list (and the cabinets of Vivier) by its name: a combobox
 * with suggestions from /api/organisations, and a hidden field carrying the chosen organisation's
 * official key. Without JavaScript it is a plain text field: the action then searches the typed
 * name itself. With allowFreeText, a name typed without picking is kept as is (a private
 * employer, which has no official key).
 */
export function OrganizationPicker({
  label, hint, error, keyName, textName, defaultKey = "", defaultText = "", allowFreeText = false, onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  keyName: string;
  textName: string;
  defaultKey?: string;
  defaultText?: string;
  allowFreeText?: boolean;
  onChange?: (value: { officialKey: string; text: string }) => void;
}) {
  return (
    <Combobox<OrganizationOption>
      className="org-picker"
      label={label}
      hint={hint}
      error={error}
      name={keyName}
      textName={textName}
      defaultValue={defaultKey}
      defaultText={defaultText}
      load={loadOrganizations}
      optionValue={(o) => o.officialKey}
      optionText={(o) => o.name}
      renderOption={(o) => (
        <>
          {o.name} <span className="muted">— {TYPE_LABEL[o.type] ?? o.type}</span>
        </>
      )}
      listLabel="Organisations proposées"
      messages={{
        found: (n) => `${n} organisation${plural(n)} proposée${plural(n)}`,
        none: "Aucune organisation ne correspond.",
        failed: "La recherche d’organisations a échoué ; réessayez.",
      }}
      note={({ value, text }) =>
        value
          ? "Organisation choisie dans la liste officielle."
          : text && allowFreeText
            ? "Nom saisi librement (employeur privé, par exemple)."
            : null}
      onChange={({ value, text }) => onChange?.({ officialKey: value, text })}
    />
  );
}
