import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ApplicationStateBadge } from "~/components/candidates/ApplicationStateBadge";
import { formatDate } from "~/components/positions/format";
import { DataTable, readTableParams, tableColumns } from "~/components/ui/Table";
import { HandledByCabinet } from "~/components/missions/HandledByCabinet";
import { APPLICATION_SORTS, listPositionApplications, type EmployerApplicationRow } from "~/domain/employer-applications.server";
import { cabinetsHandlingApplications } from "~/domain/mission-brief.server";
import { notFound, requireUser } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Candidatures : ${data.position.title} — Vivier` : "Candidatures — Vivier" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request, "employeur");
  const table = readTableParams(new URL(request.url).searchParams, { sorts: APPLICATION_SORTS, defaultSort: "createdAt", defaultDesc: true });
  const list = await listPositionApplications(user, params.id ?? "", table);
  if (!list) throw notFound();
  return json({ position: list.position, rows: list.rows, total: list.total, params: table, cabinets: await cabinetsHandlingApplications(user, list.position.id) });
}

const col = tableColumns<EmployerApplicationRow>();

// Column ids are the sort keys the loader accepts (APPLICATION_SORTS).
const columns = col.columns([
  col.accessor("name", {
    header: "Candidat",
    cell: ({ row }) => (
      <>
        <Link to={`/employeur/candidatures/${row.original.id}`}>{row.original.name}</Link>
        <div className="muted small">{[row.original.currentFunction, row.original.grade].filter(Boolean).join(" — ")}</div>
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
  const { position, rows, total, params, cabinets } = useLoaderData<typeof loader>();
  return (
    <>
      <p><Link to={`/employeur/postes/${position.id}`}>← {position.title}</Link></p>
      <h1>Candidatures</h1>
      <HandledByCabinet cabinets={cabinets} />
      <p className="muted">
        Les candidatures retirées par leur auteur n’apparaissent pas. La note interne et la note sur 100 ne sont jamais montrées aux candidats.
      </p>
      <DataTable
        caption={`Candidatures au poste « ${position.title} »`}
        columns={columns}
        rows={rows}
        rowCount={total}
        params={params}
        getRowId={(r) => r.id}
        empty="Aucune candidature pour le moment."
      />
    </>
  );
}

export { ErrorBoundary } from "~/components/RouteErrorBoundary";
