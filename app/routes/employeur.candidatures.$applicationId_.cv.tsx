import type { LoaderFunctionArgs } from "@remix-run/node";
import { pdfDownload, readApplicationCvForEmployer } from "~/domain/cv.server";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /employeur/candidatures/:applicationId/cv — the CV sent with an application to one of the
 * employer's positions, and only that: another collectivité's application, a candidate who
 * hides from this one or a withdrawn application is "not found".
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const bytes = await readApplicationCvForEmployer(user, params.applicationId ?? "");
  if (!bytes) throw notFound();
  return pdfDownload(bytes, "CV.pdf");
}
