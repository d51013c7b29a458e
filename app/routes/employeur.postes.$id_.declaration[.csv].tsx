import type { LoaderFunctionArgs } from "@remix-run/node";
import { getVacancyNotice, noticeCsv } from "~/domain/vacancy-notice.server";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /employeur/postes/:id/declaration.csv — the vacancy notice as one CSV row under its header,
 * in the column order of the README's « Déclaration de vacance » section.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const notice = await getVacancyNotice(user, params.id ?? "");
  if (!notice) throw notFound();
  return new Response(noticeCsv(notice), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="declaration-vacance-${notice.id}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
