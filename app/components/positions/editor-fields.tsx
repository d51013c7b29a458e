import { createContext, useContext, type ReactNode } from "react";
import { get, useFormContext, type FieldErrors, type Path } from "react-hook-form";
import { Field, Select, TextArea } from "~/components/ui/Field";
import type { PositionFormValues } from "~/schemas/position";

/**
 * The position editor's fields: each one registered with react-hook-form (validation in the
 * browser) and rendered with its initial value in the HTML (so that the form works, and keeps
 * what was typed, before and without JavaScript). Until hydration the errors shown are the
 * server's; after, react-hook-form's (the server's are handed to it with setError).
 */

export type EditorState = {
  initial: PositionFormValues;
  serverErrors: Record<string, string>;
  hydrated: boolean;
};

export const EditorContext = createContext<EditorState | null>(null);

function useEditor(): EditorState {
  const state = useContext(EditorContext);
  if (!state) throw new Error("Editor fields must be rendered inside <PositionEditor>");
  return state;
}

export type FieldPath = Path<PositionFormValues>;

/** The id of a field's control, also the anchor of its link in the error summary. */
export function fieldId(path: string): string {
  return `position-${path.replace(/\./g, "-")}`;
}

function messageOf(errors: FieldErrors, path: string): string | undefined {
  const e = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
  return e?.message ?? e?.root?.message;
}

export function useFieldError(path: string): string | undefined {
  const { formState } = useFormContext<PositionFormValues>();
  const { serverErrors, hydrated } = useEditor();
  return hydrated ? messageOf(formState.errors, path) : serverErrors[path];
}

/** Every error of the form, flattened to paths ("criteria.1.weight"), in field order. */
export function useAllErrors(): Array<{ path: string; message: string }> {
  const { formState } = useFormContext<PositionFormValues>();
  const { serverErrors, hydrated } = useEditor();
  if (!hydrated) return Object.entries(serverErrors).map(([path, message]) => ({ path, message }));
  const out: Array<{ path: string; message: string }> = [];
  const walk = (node: unknown, prefix: string) => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === "string" && record.message) out.push({ path: prefix, message: record.message });
    for (const [key, value] of Object.entries(record)) {
      if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
      walk(value, key === "root" ? prefix : prefix ? `${prefix}.${key}` : key);
    }
  };
  walk(formState.errors, "");
  return out;
}

export function TextInput({
  path, label, hint, required, inputMode, type = "text", autoComplete, className,
}: {
  path: FieldPath;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  inputMode?: "numeric" | "decimal" | "text";
  type?: "text" | "date";
  autoComplete?: string;
  className?: string;
}) {
  const { register } = useFormContext<PositionFormValues>();
  const { initial } = useEditor();
  return (
    <Field
      id={fieldId(path)}
      label={label}
      hint={hint}
      required={required}
      type={type}
      inputMode={inputMode}
      autoComplete={autoComplete ?? "off"}
      className={className}
      error={useFieldError(path)}
      defaultValue={(get(initial, path) as string | undefined) ?? ""}
      {...register(path)}
    />
  );
}

export function TextBox({ path, label, hint, required, rows = 5 }: { path: FieldPath; label: ReactNode; hint?: ReactNode; required?: boolean; rows?: number }) {
  const { register } = useFormContext<PositionFormValues>();
  const { initial } = useEditor();
  return (
    <TextArea
      id={fieldId(path)}
      label={label}
      hint={hint}
      required={required}
      rows={rows}
      error={useFieldError(path)}
      defaultValue={(get(initial, path) as string | undefined) ?? ""}
      {...register(path)}
    />
  );
}

export function Choice({ path, label, hint, required, children }: { path: FieldPath; label: ReactNode; hint?: ReactNode; required?: boolean; children: ReactNode }) {
  const { register } = useFormContext<PositionFormValues>();
  const { initial } = useEditor();
  return (
    <Select
      id={fieldId(path)}
      label={label}
      hint={hint}
      required={required}
      error={useFieldError(path)}
      defaultValue={(get(initial, path) as string | undefined) ?? ""}
      {...register(path)}
    >
      {children}
    </Select>
  );
}

/** A yes/no checkbox (posted as "on" when checked). */
export function Check({ path, label, hint }: { path: FieldPath; label: ReactNode; hint?: ReactNode }) {
  const { register } = useFormContext<PositionFormValues>();
  const { initial } = useEditor();
  return (
    <Field
      id={fieldId(path)}
      type="checkbox"
      label={label}
      hint={hint}
      error={useFieldError(path)}
      defaultChecked={get(initial, path) === true}
      {...register(path)}
    />
  );
}

/** One checkbox of a list field (cadresEmplois, grades, benefits): posted as its value. */
export function ListCheck({ path, value, label, id }: { path: "cadresEmplois" | "grades" | "benefits"; value: string; label: ReactNode; id: string }) {
  const { register } = useFormContext<PositionFormValues>();
  const { initial } = useEditor();
  const list = initial[path];
  return (
    <Field
      id={id}
      type="checkbox"
      label={label}
      value={value}
      defaultChecked={Array.isArray(list) && list.includes(value)}
      {...register(path)}
    />
  );
}

/** A fieldset whose error (a rule about the group as a whole) is announced with it. */
export function Group({ path, legend, hint, children, className }: { path: string; legend: ReactNode; hint?: ReactNode; children: ReactNode; className?: string }) {
  const error = useFieldError(path);
  const id = fieldId(path);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset id={id} tabIndex={-1} aria-describedby={described} className={`${className ?? ""} ${error ? "has-error" : ""}`}>
      <legend>{legend}</legend>
      {hint ? <p id={`${id}-hint`} className="hint">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="field-error" role="alert">{error}</p> : null}
      {children}
    </fieldset>
  );
}

export function useInitialValues(): PositionFormValues {
  return useEditor().initial;
}

export function useHydratedEditor(): boolean {
  return useEditor().hydrated;
}
