import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadEntryCv } from "~/domain/evaluations.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { pdfDownload } from "~/domain/cv.server";

/**
 * GET /cabinet/missions/:id/candidats/:entryId/cv — the CV of a candidate on the mission's list,
 * for its consultants once the identity is revealed (the gate's rule 10); each download is
 * journaled. Anyone else, a pseudonymous or withdrawn candidate, or no CV: "not found".
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const bytes = await downloadEntryCv(user, params.id ?? "", params.entryId ?? "", context?.clientAddress ?? "unknown");
  if (!bytes) throw notFound();
  return pdfDownload(bytes, "CV.pdf");
}
