import type { LoaderFunctionArgs } from "@remix-run/node";
import { externalCv } from "~/domain/shortlist-external.server";
import { notFound, requireUser } from "~/utils/auth.server";
import { pdfDownload } from "~/domain/cv.server";

/** The CV typed in with a person met elsewhere, for the mission's consultants only (journaled). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "cabinet");
  const cv = await externalCv(user, params.id ?? "", params.entryId ?? "", context?.clientAddress);
  if (!cv) throw notFound();
  return pdfDownload(cv.bytes, cv.downloadName);
}
