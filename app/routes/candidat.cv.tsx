import type { LoaderFunctionArgs } from "@remix-run/node";
import { getOwnCv } from "~/domain/candidates.server";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /candidat/cv — the signed-in candidate's own CV, and nobody else's: there is no id in the
 * URL to change. Never cached, never sniffed as anything but a PDF.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const cv = await getOwnCv(user);
  if (!cv) throw notFound();
  return new Response(new Uint8Array(cv.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(cv.bytes.length),
      "Content-Disposition": `attachment; filename="${cv.downloadName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
