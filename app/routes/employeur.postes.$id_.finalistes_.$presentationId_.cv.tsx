import type { LoaderFunctionArgs } from "@remix-run/node";
import { finalistCv } from "~/domain/committee.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { pdfDownload } from "~/domain/cv.server";

/**
 * GET /employeur/postes/:id/finalistes/:presentationId/cv — the CV as presented, for whoever may
 * read the finalist (the gate's rule 9); each download is journaled. Anyone else: not found.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const cv = await finalistCv(user, params.id ?? "", params.presentationId ?? "", context.clientAddress ?? "");
  if (!cv) throw notFound();
  return pdfDownload(cv.bytes, cv.name);
}
