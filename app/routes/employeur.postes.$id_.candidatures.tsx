import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { formatDate } from "~/components/positions/format";
import { formatDayTime } from "~/components/candidates/format";
import { DataTable, readTableParams, tableColumns } from "~/components/ui/Table";
import { HandledByCabinet } from "~/components/missions/HandledByCabinet";
import { APPLICATION_SORTS, listPositionApplications, type EmployerApplicationRow } from "~/domain/employer-applications.server";
import { cabinetsHandlingApplications } from "~/domain/mission-brief.server";
import { APPLICATION_STATES, applicationStateLabel, type ApplicationState } from "~/schemas/application";
import { readSince } from "~/schemas/since";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Candidatures : ${data.position.title} — Vivier` : "Candidatures — Vivier" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const search = new URL(request.url).searchParams;
  const table = readTableParams(search, { sorts: APPLICATION_SORTS, defaultSort: "createdAt", defaultDesc: true });
  // The home's links: « à ouvrir » (?state=SENT) and « nouvelles depuis votre dernière visite » (?depuis=).
  const stateParam = search.get("state") ?? "";
  const state = (APPLICATION_STATES as readonly string[]).includes(stateParam) && stateParam !== "WITHDRAWN" ? (stateParam as ApplicationState) : null;
  const since = readSince(search);
  const list = await listPositionApplications(user, params.id ?? "", table, { state, since });
  if (!list) throw notFound();
  return json({
    position: list.position, rows: list.rows, total: list.total, params: table,
    filters: { state, since: since?.toISOString() ?? null },
    cabinets: await cabinetsHandlingApplications(user, list.position.id),
  });
}

const col = tableColumns<EmployerApplicationRow>();

// Column ids are the sort keys the loader accepts (APPLICATION_SORTS).
const columns = col.columns([
  col.accessor("name", {
    header: "Candidat",
    cell: ({ row }) => (
      <>
        <Link to={`/employeur/candidatures/${row.original.id}`}>{row.original.name}</Link>
        <div className="muted small">{row.original.currentFunction ?? ""}</div>
        <div className="muted small">{[row.original.statusLabel, row.original.grade, row.original.cadreEmploisLabel].filter(Boolean).join(" · ")}</div>
      </>
    ),
  }),
  col.accessor("yearsExperience", {
    header: "Expérience",
    enableSorting: false,
    cell: ({ getValue }) => {
      const years = getValue();
      return years == null ? "—" : `${years} an${years > 1 ? "s" : ""}`;
    },
  }),
  col.accessor("homeCommune", {
    header: "Commune",
    enableSorting: false,
    cell: ({ getValue }) => getValue() ?? "—",
  }),
  col.accessor("state", {
    header: "État",
    cell: ({ getValue }) => <ApplicationStateBadge state={getValue()} />,
  }),
  col.accessor("score", {
    header: "Note /100",
    sortDescFirst: true,
    cell: ({ getValue }) => <span className="num">{getValue() ?? "—"}</span>,
  }),
  col.accessor("createdAt", {
    header: "Reçue le",
    sortDescFirst: true,
    cell: ({ getValue }) => formatDate(getValue()),
  }),
]);

export default function PositionApplications() {
  const { position, rows, total, params, filters, cabinets } = useLoaderData<typeof loader>();
  const filtered = filters.state !== null || filters.since !== null;
  return (
    <>
      <p><Link to={`/employeur/postes/${position.id}`}>← {position.title}</Link></p>
      <h1>Candidatures</h1>
      <HandledByCabinet cabinets={cabinets} />
      <p className="muted">
        Les candidatures retirées par leur auteur n’apparaissent pas. La note interne et la note sur 100 ne sont jamais montrées aux candidats.
      </p>
      {filtered ? (
        <p className="filter-note">
          {filters.since ? `Reçues depuis le ${formatDayTime(filters.since)}` : null}
          {filters.since && filters.state ? ", " : null}
          {filters.state ? `État : ${applicationStateLabel(filters.state).toLowerCase()}` : null}
          {" · "}<Link to={`/employeur/postes/${position.id}/candidatures`}>Voir toutes les candidatures</Link>
        </p>
      ) : null}
      <DataTable
        caption={`Candidatures au poste « ${position.title} »${filters.since ? " reçues depuis votre dernière visite" : filters.state ? ` (${applicationStateLabel(filters.state).toLowerCase()})` : ""}`}
        columns={columns}
        rows={rows}
        rowCount={total}
        params={params}
        getRowId={(r) => r.id}
        empty={filtered ? "Aucune candidature ne correspond à ce filtre." : "Aucune candidature pour le moment."}
      />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
