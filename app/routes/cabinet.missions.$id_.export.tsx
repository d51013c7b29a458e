import type { ActionFunctionArgs } from "@remix-run/node";
import { exportShortlist } from "~/domain/shortlist-export.server";
import { idsFrom, parseShortlistQuery } from "~/schemas/mission";
import { notFound, requireUser } from "~/utils/auth.server";
import { readForm } from "~/utils/csrf.server";

/**
 * POST /cabinet/missions/:id/export: the list as shown (its filters, order and columns, posted
 * by the list's form), the checked candidates only if some are; a download, journaled.
 */

export async function loader() {
  throw notFound();
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const user = await requireUser(request, "cabinet");
  const query = parseShortlistQuery(new URLSearchParams([...form].filter((e): e is [string, string] => typeof e[1] === "string")));
  const out = await exportShortlist(user, params.id ?? "", query, idsFrom(form), context?.clientAddress);
  if (!out) throw notFound();
  return new Response(out.csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${out.fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
