import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import type { loader as organisationsLoader } from "~/routes/api.organisations";

export type PickedOrganization = { officialKey: string; name: string };

const TYPE_LABEL: Record<string, string> = {
  COMMUNE: "Commune",
  EPCI: "Intercommunalité",
  DEPARTEMENT: "Département",
  REGION: "Région",
  CABINET: "Cabinet",
};

/**
 * Picks an organisation of the official list (and the cabinets of Vivier) by its name: a text
 * field with suggestions from /api/organisations (ARIA combobox), and a hidden field carrying the
 * chosen organisation's official key. Without JavaScript it is a plain text field: the action
 * then searches the typed name itself. With allowFreeText, a name typed without picking is kept
 * as is (a private employer, which has no official key).
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
  const id = useId();
  const listId = `${id}-list`;
  const fetcher = useFetcher<typeof organisationsLoader>();
  const [text, setText] = useState(defaultText);
  const [officialKey, setOfficialKey] = useState(defaultKey);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const timer = useRef<ReturnType<typeof setTimeout>>();

  const options = fetcher.data?.organizations ?? [];
  const expanded = open && options.length > 0;

  useEffect(() => () => clearTimeout(timer.current), []);

  function change(next: { officialKey: string; text: string }) {
    setText(next.text);
    setOfficialKey(next.officialKey);
    onChange?.(next);
  }

  function typed(value: string) {
    change({ officialKey: "", text: value });
    setActive(-1);
    clearTimeout(timer.current);
    if (value.trim().length < 2) {
      setOpen(false);
      return;
    }
    timer.current = setTimeout(() => {
      fetcher.load(`/api/organisations?q=${encodeURIComponent(value.trim())}`);
      setOpen(true);
    }, 200);
  }

  function choose(index: number) {
    const o = options[index];
    if (!o) return;
    change({ officialKey: o.officialKey, text: o.name });
    setOpen(false);
    setActive(-1);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter" && expanded && active >= 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === "Escape") {
      setOpen(false);
    }
  }

  const describedBy = [hint ? `${id}-hint` : null, `${id}-state`, error ? `${id}-error` : null].filter(Boolean).join(" ");

  return (
    <div className={`field org-picker ${error ? "has-error" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null}
      <input type="hidden" name={keyName} value={officialKey} />
      <div className="org-picker-box">
        <input
          id={id}
          name={textName}
          type="text"
          autoComplete="off"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={text}
          onChange={(e) => typed(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
        />
        <ul id={listId} role="listbox" className="org-picker-list" hidden={!expanded} aria-label="Organisations proposées">
          {options.map((o, i) => (
            <li
              key={o.officialKey}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              {o.name} <span className="muted">— {TYPE_LABEL[o.type] ?? o.type}</span>
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-state`} className="hint" aria-live="polite">
        {officialKey
          ? "Organisation choisie dans la liste officielle."
          : text && allowFreeText
            ? "Nom saisi librement (employeur privé, par exemple)."
            : null}
      </p>
    </div>
  );
}
