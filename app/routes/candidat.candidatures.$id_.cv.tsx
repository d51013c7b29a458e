import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOwnSentCv } from "~/domain/applications.server";
import { pdfDownload } from "~/domain/cv.server";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /candidat/candidatures/:id/cv — the CV the signed-in candidate sent with one of their
 * applications (as the recruiter receives it); another candidate's application is "not found".
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const bytes = await getOwnSentCv(user, params.id ?? "");
  if (!bytes) throw notFound();
  return pdfDownload(bytes, "CV-envoye.pdf");
}
