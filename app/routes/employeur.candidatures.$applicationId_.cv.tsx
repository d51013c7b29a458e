import type { LoaderFunctionArgs } from "@remix-run/node";
import { getApplicationCvForEmployer } from "~/domain/employer-applications.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { readCv } from "~/utils/uploads.server";

/**
 * GET /employeur/candidatures/:applicationId/cv — the CV of the candidate of an application to
 * one of the employer's positions, and only that: another collectivité's application, a
 * candidate who hides from this one or a withdrawn application is "not found". Never cached,
 * never sniffed as anything but a PDF.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const fileName = await getApplicationCvForEmployer(user, params.applicationId ?? "");
  const bytes = fileName ? await readCv(fileName) : null;
  if (!bytes) throw notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="CV.pdf"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
