import { Form } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { formatDayTime } from "~/components/candidates/format";
import { CsrfField } from "~/components/ui/CsrfField";
import { FormAlert, TextArea } from "~/components/ui/Field";
import { MESSAGE_MAX } from "~/schemas/application";

/**
 * A thread, the same on every side: an application's (the employer's and the candidate's pages)
 * and a mission's conversation between the cabinet and a candidate. The messages, oldest first,
 * then the form while the thread is open, or why it is closed. The form works without
 * JavaScript; with it, the field empties once the message is sent.
 */

export type ThreadMessage = { id: string; body: string; at: string; mine: boolean; author: string };

export function MessageThread({
  messages, open, closed, result, busy, empty,
}: {
  messages: readonly ThreadMessage[];
  open: boolean;
  /** Why the thread is closed (shown instead of the form). */
  closed: ReactNode;
  result: { sent: boolean; error: string | null; fieldError?: string; body: string } | undefined;
  busy: boolean;
  empty: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (result?.sent) formRef.current?.reset();
  }, [result]);
  return (
    <>
      {messages.length === 0 ? <p className="muted">{empty}</p> : (
        <ol className="messages" aria-label="Messages">
          {messages.map((m) => (
            <li key={m.id} className={m.mine ? "message mine" : "message"}>
              <p className="message-meta"><strong>{m.author}</strong>, le {formatDayTime(m.at)}</p>
              <p className="message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      <FormAlert>{result?.error}</FormAlert>
      {result?.sent ? <FormAlert tone="success">Votre message est envoyé.</FormAlert> : null}
      {open ? (
        <Form method="post" ref={formRef} noValidate>
          <CsrfField />
          <TextArea
            label="Votre message"
            name="body"
            rows={5}
            required
            maxLength={MESSAGE_MAX}
            defaultValue={result?.sent ? "" : result?.body}
            error={result?.fieldError}
            hint="4 000 caractères au plus."
          />
          <div className="actions">
            <button type="submit" disabled={busy}>Envoyer</button>
          </div>
        </Form>
      ) : (
        <p className="muted">{closed}</p>
      )}
    </>
  );
}
