import { useEffect, useId, useRef, useState, type KeyboardEvent, type Ref } from "react";

/**
 * Choosing a commune of the official list; the form receives its INSEE code.
 *
 * Before JavaScript (and without it), a plain text field takes the INSEE code. Once the page is
 * hydrated, it becomes an ARIA 1.2 combobox (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/)
 * fed by /api/communes, and the code travels in a hidden field of the same name. Typing after a
 * choice clears the code, so what is posted is always a chosen commune or nothing.
 */

export type CommuneOption = { code: string; name: string; departementCode: string; postalCode: string | null };

export function optionLabel(c: { name: string; departementCode: string }): string {
  return `${c.name} (${c.departementCode})`;
}

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function CommunePicker({
  name,
  label,
  defaultCode = "",
  defaultLabel = "",
  error,
  required,
  id: givenId,
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
  const hydrated = useHydrated();
  const autoId = useId();
  const id = givenId ?? autoId;
  const listId = `${id}-list`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const [code, setCode] = useState(defaultCode);
  const [text, setText] = useState(defaultLabel || defaultCode);
  const [options, setOptions] = useState<CommuneOption[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController>();

  useEffect(() => () => {
    clearTimeout(timer.current);
    request.current?.abort();
  }, []);

  const choose = (c: CommuneOption) => {
    setCode(c.code);
    setText(optionLabel(c));
    setOpen(false);
    setActive(-1);
    setStatus(`${optionLabel(c)} choisie.`);
    onChange?.(c.code);
  };

  const search = (q: string) => {
    clearTimeout(timer.current);
    request.current?.abort();
    if (q.trim().length < 2) {
      setOptions([]);
      setOpen(false);
      setStatus("");
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const res = await fetch(`/api/communes?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        const found = (await res.json()) as CommuneOption[];
        setOptions(found);
        setActive(-1);
        setOpen(found.length > 0);
        setStatus(found.length === 0 ? "Aucune commune ne correspond." : `${found.length} commune${found.length > 1 ? "s" : ""} proposée${found.length > 1 ? "s" : ""} : flèche bas pour parcourir.`);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setStatus("La recherche de communes a échoué ; réessayez.");
      }
    }, 150);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (!open && options.length) setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((i) => (options.length ? (i <= 0 ? options.length - 1 : i - 1) : -1));
    } else if (e.key === "Enter") {
      if (open && active >= 0 && options[active]) {
        e.preventDefault();
        choose(options[active]);
      }
    } else if (e.key === "Escape") {
      if (open) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      }
    }
  };

  if (!hydrated) {
    return (
      <div className={`field ${error ? "has-error" : ""}`}>
        <label htmlFor={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
        <p id={hintId} className="hint">Code INSEE de la commune, 5 caractères (exemple : 35238 pour Rennes).</p>
        {error ? <p id={errorId} className="field-error" role="alert">{error}</p> : null}
        <input
          id={id}
          name={name}
          defaultValue={defaultCode}
          inputMode="text"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
        />
      </div>
    );
  }

  const activeId = open && active >= 0 ? `${id}-opt-${active}` : undefined;
  return (
    <div className={`field commune-picker ${error ? "has-error" : ""}`}>
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      <p id={hintId} className="hint">Tapez au moins deux lettres du nom ou le code postal, puis choisissez dans la liste.</p>
      {error ? <p id={errorId} className="field-error" role="alert">{error}</p> : null}
      <input type="hidden" name={name} value={code} />
      <div className="combobox">
        <input
          id={id}
          ref={inputRef}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={activeId}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, error ? errorId : null].filter(Boolean).join(" ")}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (code) {
              setCode("");
              onChange?.("");
            }
            search(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            // Let a click on an option land before the list closes.
            setTimeout(() => setOpen(false), 150);
            onBlur?.();
          }}
        />
        <ul id={listId} role="listbox" aria-label={`Communes pour « ${label} »`} className="combobox-list" hidden={!open}>
          {options.map((c, i) => (
            <li
              key={c.code}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
            >
              {optionLabel(c)}
              {c.postalCode ? <span className="muted"> — {c.postalCode}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">{status}</p>
    </div>
  );
}
