import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOwnCv } from "~/domain/candidates.server";
import { pdfDownload } from "~/domain/cv.server";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /candidat/cv — the signed-in candidate's own CV, and nobody else's: there is no id in the
 * URL to change.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const cv = await getOwnCv(user);
  if (!cv) throw notFound();
  return pdfDownload(cv.bytes, cv.downloadName);
}
