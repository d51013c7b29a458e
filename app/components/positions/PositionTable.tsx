import { Form, Link } from "@remix-run/react";
import { DataTable, PAGE_SIZES, tableColumns, type TableParams } from "~/components/ui/Table";
import type { PositionListRow } from "~/domain/positions.server";
import { POSITION_STATES, STATE_LABEL } from "~/schemas/position";
import { formatDate } from "./format";
import { StateBadge } from "./StateBadge";

/** The employer's positions: a server-sorted, server-paginated table (URL state). */

const col = tableColumns<PositionListRow>();

// Column ids are the sort keys the loader accepts (POSITION_SORTS).
const columns = col.columns([
  col.accessor("title", {
    header: "Intitulé",
    cell: ({ row }) => (
      <>
        <Link to={`/employeur/postes/${row.original.id}`}>{row.original.title}</Link>
        <div className="muted small">{row.original.commune}</div>
      </>
    ),
  }),
  col.accessor("state", {
    header: "État",
    cell: ({ row }) => <StateBadge state={row.original.state} confidential={row.original.confidential} />,
  }),
  col.accessor("applications", {
    header: "Candidatures",
    sortDescFirst: true,
    cell: ({ getValue }) => <span className="num">{getValue()}</span>,
  }),
  col.accessor("missions", {
    header: "Cabinet mandaté",
    enableSorting: false,
    cell: ({ getValue }) => (getValue() > 0 ? "Oui" : "Non"),
  }),
  col.accessor("deadline", {
    header: "Date limite",
    cell: ({ getValue }) => formatDate(getValue()) || "—",
  }),
  col.accessor("updatedAt", {
    header: "Mis à jour",
    sortDescFirst: true,
    cell: ({ getValue }) => formatDate(getValue()),
  }),
]);

export type PositionFilters = { q: string; state: string; mandated: boolean };

export function PositionTable({ rows, total, params, filters }: { rows: PositionListRow[]; total: number; params: TableParams; filters: PositionFilters }) {
  return (
    <>
      <Form method="get" className="table-filters" role="search" aria-label="Filtrer les postes">
        <input type="hidden" name="sort" value={params.sort} />
        <input type="hidden" name="dir" value={params.desc ? "desc" : "asc"} />
        {filters.mandated ? <input type="hidden" name="cabinet" value="1" /> : null}
        <div className="field">
          <label htmlFor="filtre-q">Intitulé contient</label>
          <input id="filtre-q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <div className="field">
          <label htmlFor="filtre-etat">État</label>
          <select id="filtre-etat" name="state" defaultValue={filters.state}>
            <option value="">Tous</option>
            {POSITION_STATES.map((s) => <option key={s} value={s}>{STATE_LABEL[s]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filtre-taille">Par page</label>
          <select id="filtre-taille" name="size" defaultValue={String(params.size)}>
            {PAGE_SIZES.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary">Filtrer</button>
      </Form>
      <DataTable
        columns={columns}
        rows={rows}
        rowCount={total}
        params={params}
        getRowId={(r) => r.id}
        caption={filters.mandated ? "Postes de la collectivité confiés à un cabinet" : "Postes de la collectivité"}
        empty={filters.q || filters.state || filters.mandated ? "Aucun poste ne correspond à ces filtres." : <>Aucun poste pour le moment. <Link to="/employeur/postes/nouveau">Créer le premier</Link></>}
      />
    </>
  );
}
