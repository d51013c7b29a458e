import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from "react";

/**
 * The combobox of the pickers (communes, organisations): an ARIA 1.2 combobox with a listbox
 * popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/) whose suggestions come from `load`,
 * and a hidden field `name` carrying the value of the chosen option. Typing after a choice clears
 * that value, so what is posted is always a chosen option or nothing (and, with `textName`, the
 * typed text as well).
 *
 * Before hydration, and without JavaScript, it is a plain text field the action can read: named
 * `textName` when there is one (the hidden field then keeps `defaultValue`), otherwise named
 * `name` and taking the value itself.
 */

/** What the form posts: the chosen option's value ("" when none) and the text in the field. */
export type ComboboxChoice = { value: string; text: string };

// Suggestions start from two characters; one request once the typing pauses, not one a key.
const MIN_QUERY_LENGTH = 2;
const TYPING_PAUSE_MS = 150;

function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function Combobox<T>({
  id: givenId,
  label,
  required,
  hint,
  plainHint = hint,
  error,
  className,
  name,
  textName,
  defaultValue = "",
  defaultText = "",
  load,
  optionValue,
  optionText,
  renderOption = optionText,
  listLabel,
  messages,
  note,
  onChange,
  onBlur,
  inputRef,
}: {
  /** The text field's id; the hint, error, list and option ids derive from it. */
  id?: string;
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  /** The hint of the plain field (before hydration, without JavaScript), when it differs. */
  plainHint?: ReactNode;
  error?: string;
  /** Added to the field's classes. */
  className?: string;
  /** The hidden field carrying the chosen option's value. */
  name: string;
  /** When the typed text is posted too, its field's name. */
  textName?: string;
  defaultValue?: string;
  defaultText?: string;
  /** The suggestions for what was typed (rejecting with an AbortError when `signal` aborts). */
  load: (query: string, signal: AbortSignal) => Promise<T[]>;
  optionValue: (option: T) => string;
  /** The text the field shows once the option is chosen. */
  optionText: (option: T) => string;
  renderOption?: (option: T) => ReactNode;
  /** The listbox's accessible name. */
  listLabel: string;
  /** Announced in the live region; `found` says "3 communes proposées". */
  messages: { found: (count: number) => string; none: string; failed: string; chosen?: (option: T) => string };
  /** A visible line under the field, read with it, about the current choice. */
  note?: (choice: ComboboxChoice) => ReactNode;
  /** Called when what the form posts changes: a choice, its clearing, and with textName every keystroke. */
  onChange?: (choice: ComboboxChoice) => void;
  onBlur?: () => void;
  /** Receives the text field once hydrated (for focusing it on an error). */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const hydrated = useHydrated();
  const autoId = useId();
  const id = givenId ?? autoId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const noteId = `${id}-state`;
  const listId = `${id}-list`;

  const [value, setValue] = useState(defaultValue);
  const [text, setText] = useState(defaultText);
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const request = useRef<AbortController>();

  useEffect(() => () => {
    clearTimeout(timer.current);
    request.current?.abort();
  }, []);

  const expanded = open && options.length > 0;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const search = (query: string) => {
    clearTimeout(timer.current);
    request.current?.abort();
    if (query.trim().length < MIN_QUERY_LENGTH) {
      setOptions([]);
      close();
      setStatus("");
      return;
    }
    timer.current = setTimeout(async () => {
      const controller = new AbortController();
      request.current = controller;
      try {
        const found = await load(query, controller.signal);
        if (controller.signal.aborted) return;
        setOptions(found);
        setActive(-1);
        setOpen(found.length > 0);
        setStatus(found.length === 0 ? messages.none : `${messages.found(found.length)} : flèche bas pour parcourir.`);
      } catch (e) {
        if ((e as Error).name !== "AbortError") setStatus(messages.failed);
      }
    }, TYPING_PAUSE_MS);
  };

  const typed = (typedText: string) => {
    setText(typedText);
    setValue("");
    setActive(-1);
    if (textName || value) onChange?.({ value: "", text: typedText });
    search(typedText);
  };

  const choose = (option: T) => {
    const chosen = { value: optionValue(option), text: optionText(option) };
    setValue(chosen.value);
    setText(chosen.text);
    close();
    setStatus(messages.chosen?.(option) ?? "");
    onChange?.(chosen);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const last = options.length - 1;
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      if (options.length === 0) return;
      e.preventDefault();
      const down = e.key === "ArrowDown";
      setOpen(true);
      setActive((i) => (down ? (i >= last ? 0 : i + 1) : i <= 0 ? last : i - 1));
    } else if (e.key === "Home" || e.key === "End") {
      // In the list they go to its first or last option; in the text they move the caret.
      if (!expanded || active < 0) return;
      e.preventDefault();
      setActive(e.key === "Home" ? 0 : last);
    } else if (e.key === "Enter") {
      // Without an active option, Enter submits the form as in any text field.
      if (!expanded || !options[active]) return;
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === "Escape") {
      if (!expanded) return;
      e.preventDefault();
      close();
    }
  };

  const shownHint = hydrated ? hint : plainHint;
  const describedBy = [shownHint ? hintId : null, note ? noteId : null, error ? errorId : null].filter(Boolean).join(" ");

  return (
    <div className={["field", className, error ? "has-error" : null].filter(Boolean).join(" ")}>
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      {shownHint ? <p id={hintId} className="hint">{shownHint}</p> : null}
      {error ? <p id={errorId} className="field-error" role="alert">{error}</p> : null}
      {!hydrated ? (
        <>
          {textName ? <input type="hidden" name={name} value={defaultValue} /> : null}
          <input
            id={id}
            name={textName ?? name}
            defaultValue={textName ? defaultText : defaultValue}
            inputMode="text"
            autoComplete="off"
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
        </>
      ) : (
        <>
          <input type="hidden" name={name} value={value} />
          <div className="combobox">
            <input
              id={id}
              ref={inputRef}
              name={textName}
              type="text"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy}
              value={text}
              onChange={(e) => typed(e.target.value)}
              onKeyDown={onKeyDown}
              onBlur={() => {
                // Let a click on an option land before the list closes.
                setTimeout(close, 150);
                onBlur?.();
              }}
            />
            <ul id={listId} role="listbox" aria-label={listLabel} className="combobox-list" hidden={!expanded}>
              {options.map((option, i) => (
                <li
                  key={optionValue(option)}
                  id={`${id}-opt-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className={i === active ? "active" : undefined}
                  // The field keeps the focus, so its blur does not close the list under the click.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => choose(option)}
                >
                  {renderOption(option)}
                </li>
              ))}
            </ul>
          </div>
        </>
      )}
      {note ? <p id={noteId} className="hint" aria-live="polite">{note({ value, text })}</p> : null}
      {hydrated ? <p className="visually-hidden" role="status" aria-live="polite">{status}</p> : null}
    </div>
  );
}
