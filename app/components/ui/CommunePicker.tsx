import type { Ref } from "react";
import { Combobox } from "./Combobox";

/**
 * Choosing a commune of the official list; the form receives its INSEE code.
 *
 * Before JavaScript (and without it), a plain text field takes the INSEE code. Once the page is
 * hydrated, it becomes a combobox fed by /api/communes, and the code travels in a hidden field of
 * the same name.
 */

export type CommuneOption = { code: string; name: string; departementCode: string; postalCode: string | null };

export function optionLabel(c: { name: string; departementCode: string }): string {
  return `${c.name} (${c.departementCode})`;
}

async function loadCommunes(query: string, signal: AbortSignal): Promise<CommuneOption[]> {
  const res = await fetch(`/api/communes?q=${encodeURIComponent(query)}`, { signal });
  return (await res.json()) as CommuneOption[];
}

const plural = (n: number) => (n > 1 ? "s" : "");

export function CommunePicker({
  name,
  label,
  defaultCode = "",
  defaultLabel = "",
  error,
  required,
  id,
  inputRef,
  onChange,
  onBlur,
}: {
  name: string;
  label: string;
  defaultCode?: string;
  /** "Rennes (35)" for defaultCode, as resolved by the loader. */
  defaultLabel?: string;
  error?: string;
  required?: boolean;
  id?: string;
  /** Receives the visible input (for focusing the field on an error). */
  inputRef?: Ref<HTMLInputElement>;
  /** Called with the chosen INSEE code, or "" when the choice is cleared. */
  onChange?: (code: string) => void;
  onBlur?: () => void;
}) {
  return (
    <Combobox<CommuneOption>
      id={id}
      className="commune-picker"
      label={label}
      required={required}
      hint="Tapez au moins deux lettres du nom ou le code postal, puis choisissez dans la liste."
      plainHint="Code INSEE de la commune, 5 caractères (exemple : 35238 pour Rennes)."
      error={error}
      name={name}
      defaultValue={defaultCode}
      defaultText={defaultLabel || defaultCode}
      load={loadCommunes}
      optionValue={(c) => c.code}
      optionText={optionLabel}
      renderOption={(c) => (
        <>
          {optionLabel(c)}
          {c.postalCode ? <span className="muted"> — {c.postalCode}</span> : null}
        </>
      )}
      listLabel={`Communes pour « ${label} »`}
      messages={{
        found: (n) => `${n} commune${plural(n)} proposée${plural(n)}`,
        none: "Aucune commune ne correspond.",
        failed: "La recherche de communes a échoué ; réessayez.",
        chosen: (c) => `${optionLabel(c)} choisie.`,
      }}
      onChange={({ value }) => onChange?.(value)}
      onBlur={onBlur}
      inputRef={inputRef}
    />
  );
}
