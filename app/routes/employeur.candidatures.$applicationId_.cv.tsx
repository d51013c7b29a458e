import type { LoaderFunctionArgs } from "@remix-run/node";
import { getApplicationCvForEmployer } from "~/domain/employer-applications.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { pdfDownload, readCv } from "~/utils/uploads.server";

/**
 * GET /employeur/candidatures/:applicationId/cv — the CV sent with an application to one of the
 * employer's positions, and only that: another collectivité's application, a candidate who
 * hides from this one or a withdrawn application is "not found".
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const fileName = await getApplicationCvForEmployer(user, params.applicationId ?? "");
  const bytes = fileName ? await readCv(fileName) : null;
  if (!bytes) throw notFound();
  return pdfDownload(bytes, "CV.pdf");
}
