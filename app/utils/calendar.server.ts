import { createEvent, type Attendee } from "ics";
import type { MailAttachment } from "./mail.server";

/**
 * Calendar invitations (RFC 5545) for the committee's interviews, made by the `ics` package.
 * Times are written in UTC (the « Z » form), which every calendar shows in its own zone: the
 * slots were typed and are shown in Europe/Paris. The UID is stable for the interview's life and
 * SEQUENCE grows with each update; a cancellation is METHOD:CANCEL, STATUS:CANCELLED.
 */

export type CalendarInvitation = {
  uid: string;
  sequence: number;
  method: "REQUEST" | "CANCEL";
  startsAt: Date;
  durationMin: number;
  title: string;
  description: string;
  location: string;
  url?: string;
  organizer: { name: string; email: string };
  attendees: ReadonlyArray<{ name: string; email: string }>;
};

export function invitationIcs(inv: CalendarInvitation): string {
  const attendees: Attendee[] = inv.attendees.map((a) => ({ name: a.name, email: a.email, rsvp: inv.method === "REQUEST", partstat: "NEEDS-ACTION", role: "REQ-PARTICIPANT" }));
  const { error, value } = createEvent({
    productId: "-//Vivier//Entretiens du comite//FR",
    method: inv.method,
    uid: inv.uid,
    sequence: inv.sequence,
    start: inv.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: inv.durationMin },
    title: inv.title,
    description: inv.description,
    location: inv.location,
    ...(inv.url ? { url: inv.url } : {}),
    status: inv.method === "CANCEL" ? "CANCELLED" : "CONFIRMED",
    organizer: inv.organizer,
    attendees,
  });
  if (error || !value) throw error ?? new Error("ics: no calendar produced");
  return value;
}

/** The invitation as a mail attachment. */
export function icsAttachment(inv: CalendarInvitation): MailAttachment {
  return {
    filename: inv.method === "CANCEL" ? "annulation.ics" : "invitation.ics",
    contentType: `text/calendar; charset=utf-8; method=${inv.method}`,
    content: Buffer.from(invitationIcs(inv), "utf8").toString("base64"),
  };
}

/** « Vivier <ne-pas-repondre@vivier.test> » → its address. */
export function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}
