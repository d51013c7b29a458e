import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportCandidateData } from "~/domain/candidates.server";
import { requireUser } from "~/utils/auth.server";

/** GET /candidat/donnees/export — everything Vivier holds about the signed-in candidate, as a JSON file. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "candidat");
  const data = await exportCandidateData(user);
  const day = data.exportedAt.slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="vivier-mes-donnees-${day}.json"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
