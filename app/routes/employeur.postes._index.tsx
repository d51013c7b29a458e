import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { PositionTable } from "~/components/positions/PositionTable";
import { FormAlert } from "~/components/ui/Field";
import { readTableParams } from "~/components/ui/Table";
import { POSITION_SORTS, listPositions } from "~/domain/positions.server";
import { POSITION_STATES, type PositionState } from "~/schemas/position";
import { requireUser } from "~/utils/auth.server";

export const meta: MetaFunction = () => [{ title: "Postes — Vivier" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const search = new URL(request.url).searchParams;
  const params = readTableParams(search, { sorts: POSITION_SORTS, defaultSort: "updatedAt", defaultDesc: true });
  const q = (search.get("q") ?? "").trim().slice(0, 100);
  const stateParam = search.get("state") ?? "";
  const state = (POSITION_STATES as readonly string[]).includes(stateParam) ? (stateParam as PositionState) : "";
  const mandated = search.get("cabinet") === "1";
  const { rows, total } = await listPositions(user, { ...params, q, state, mandated });
  return json({ rows, total, params, filters: { q, state, mandated } });
}

export default function Positions() {
  const { rows, total, params, filters } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <>
      <div className="page-head">
        <h1>Postes</h1>
        <Link className="button" to="/employeur/postes/nouveau">Nouveau poste</Link>
      </div>
      {search.get("ok") === "supprime" ? <FormAlert tone="success">Le brouillon a été supprimé.</FormAlert> : null}
      <PositionTable rows={rows} total={total} params={params} filters={filters} />
    </>
  );
}
