import type { LoaderFunctionArgs } from "@remix-run/node";
import { comparisonCsv } from "~/components/presentations/comparison-csv.server";
import { compareFinalists } from "~/domain/committee.server";
import { notFound, requireUser } from "~/utils/auth.server";

/**
 * GET /employeur/postes/:id/finalistes/comparaison.csv — the comparison as the viewer sees it
 * (the same scores hidden until their own are in), journaled as an export.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const comparison = await compareFinalists(user, params.id ?? "", context.clientAddress ?? "", true);
  if (!comparison) throw notFound();
  return new Response(comparisonCsv(comparison), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="comparaison-finalistes.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
