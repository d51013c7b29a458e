import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from "react";

type Common = { label: ReactNode; error?: string; hint?: ReactNode };

/** Describes the hint and the error to screen readers, in that order (RGAA 11.10). */
function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Messages({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null}
    </>
  );
}

/** What ties a control to its label and messages. */
function controlProps(id: string, hint: unknown, error: unknown) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy(id, hint, error) } as const;
}

/** A labelled field: the label (with * when required), then the hint and the error, then the control. */
function Labelled({ id, label, hint, error, required, className, children }: Common & { id: string; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={`field ${error ? "has-error" : ""} ${className ?? ""}`}>
      <label htmlFor={id}>{label}{required ? <span aria-hidden="true"> *</span> : null}</label>
      <Messages id={id} hint={hint} error={error} />
      {children}
    </div>
  );
}

export const Field = forwardRef<HTMLInputElement, Common & InputHTMLAttributes<HTMLInputElement>>(function Field(
  { label, error, hint, id: givenId, className, ...input },
  ref,
) {
  const autoId = useId();
  const id = givenId ?? autoId;
  if (input.type === "checkbox" || input.type === "radio") {
    return (
      <div className={`field field-check ${error ? "has-error" : ""} ${className ?? ""}`}>
        <input ref={ref} {...controlProps(id, hint, error)} {...input} />
        <label htmlFor={id}>{label}</label>
        <Messages id={id} hint={hint} error={error} />
      </div>
    );
  }
  return (
    <Labelled id={id} label={label} hint={hint} error={error} required={input.required} className={className}>
      <input ref={ref} {...controlProps(id, hint, error)} {...input} />
    </Labelled>
  );
});

export const TextArea = forwardRef<HTMLTextAreaElement, Common & TextareaHTMLAttributes<HTMLTextAreaElement>>(function TextArea(
  { label, error, hint, id: givenId, className, ...input },
  ref,
) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Labelled id={id} label={label} hint={hint} error={error} required={input.required} className={className}>
      <textarea ref={ref} {...controlProps(id, hint, error)} {...input} />
    </Labelled>
  );
});

export const Select = forwardRef<HTMLSelectElement, Common & SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { label, error, hint, id: givenId, className, children, ...input },
  ref,
) {
  const autoId = useId();
  const id = givenId ?? autoId;
  return (
    <Labelled id={id} label={label} hint={hint} error={error} required={input.required} className={className}>
      <select ref={ref} {...controlProps(id, hint, error)} {...input}>
        {children}
      </select>
    </Labelled>
  );
});

/** A message for the whole form (not tied to one field), announced to screen readers. */
export function FormAlert({ children, tone = "error" }: { children?: ReactNode; tone?: "error" | "success" | "info" }) {
  if (!children) return null;
  return <div className={`alert alert-${tone}`} role={tone === "error" ? "alert" : "status"}>{children}</div>;
}
