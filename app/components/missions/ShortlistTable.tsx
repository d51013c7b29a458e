import { Link, useNavigate } from "@remix-run/react";
import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnVisibilityState,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useState } from "react";
import { Pagination } from "~/components/ui/Table";
import { CsrfField } from "~/components/ui/CsrfField";
import { MatchReasons } from "~/components/matching/MatchReasons";
import type { MissionPageRow } from "~/domain/missions-page.server";
import {
  BULK_MAX, BULK_OPERATIONS, SHORTLIST_COLUMN_LABEL, SHORTLIST_COLUMNS, shortlistQueryString,
  type BulkOperation, type ShortlistColumn, type ShortlistQuery, type ShortlistSort,
} from "~/schemas/mission";
import { SOURCE_LABEL, STAGE_LABEL, type Stage } from "~/schemas/shortlist";
import { candidates, SIGHT_BADGE, sinceDays } from "./labels";
import { StageBadge } from "./StageBadge";

/**
 * The shortlist as a list: TanStack Table holds the columns, which of them show, the sort the
 * server applied and the rows checked; the server filters, sorts and pages (the URL holds it
 * all), so every header, filter and page is a plain link or GET form that works without
 * JavaScript. The checkboxes belong to the bulk form (form="lot"): checked and submitted, they
 * work without JavaScript too; with it, « tout cocher » and the count come alive.
 */

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature, rowSelectionFeature });
const col = createColumnHelper<typeof features, MissionPageRow>();

const BULK_LABEL: Record<BulkOperation, string> = Object.fromEntries(
  BULK_OPERATIONS.map((op) => [
    op,
    op === "message" ? "Approcher avec un message type" : op.startsWith("exit:") ? `Sortir : ${STAGE_LABEL[op.slice(5) as Stage].toLowerCase()}…` : `Passer à l’étape « ${STAGE_LABEL[op.slice(5) as Stage]} »`,
  ]),
) as Record<BulkOperation, string>;

function columnsFor(missionId: string, open: boolean) {
  return col.columns([
    col.display({
      id: "select",
      enableSorting: false,
      enableHiding: false,
      header: ({ table }) => (
        <input
          type="checkbox"
          aria-label="Cocher tous les candidats de la page"
          checked={table.getIsAllPageRowsSelected()}
          ref={(el) => { if (el) el.indeterminate = table.getIsSomePageRowsSelected() && !table.getIsAllPageRowsSelected(); }}
          onChange={table.getToggleAllPageRowsSelectedHandler()}
        />
      ),
      cell: ({ row }) => (
        <input type="checkbox" name="ids" value={row.original.id} form="lot" aria-label={`Cocher ${row.original.label}`} checked={row.getIsSelected()} onChange={row.getToggleSelectedHandler()} />
      ),
    }),
    col.accessor("label", {
      id: "label",
      header: SHORTLIST_COLUMN_LABEL.label,
      enableHiding: false,
      cell: ({ row }) => {
        const r = row.original;
        const badge = SIGHT_BADGE[r.sight];
        return (
          <>
            {r.sight === "withdrawn" ? <span className="muted">{r.label}</span> : <Link to={`/cabinet/missions/${missionId}/candidats/${r.id}`}>{r.label}</Link>}
            {badge ? <> <span className="badge badge-grey">{badge}</span></> : null}
            {r.externalCv ? <> <a className="small" href={`/cabinet/missions/${missionId}/cv/${r.id}`} download>CV<span className="visually-hidden"> de {r.label}</span></a></> : null}
          </>
        );
      },
    }),
    col.accessor("function", { id: "function", header: SHORTLIST_COLUMN_LABEL.function, cell: ({ row }) => [row.original.function, row.original.grade].filter(Boolean).join(" — ") || "—" }),
    col.accessor("distance", { id: "distance", header: SHORTLIST_COLUMN_LABEL.distance, cell: ({ row }) => row.original.distance?.label ?? "—" }),
    col.accessor("source", { id: "source", header: SHORTLIST_COLUMN_LABEL.source, cell: ({ row }) => (row.original.source ? SOURCE_LABEL[row.original.source] : "—") }),
    col.accessor("stage", {
      id: "stage",
      header: SHORTLIST_COLUMN_LABEL.stage,
      cell: ({ row }) => {
        const r = row.original;
        return (
          <>
            <StageBadge stage={r.stage} />
            {r.exitReason ? <div className="small muted">{r.exitReason}</div> : null}
            {open && r.stage === "IDENTIFIED" && (r.sight === "identity" || r.sight === "pseudonym") ? (
              <div className="small"><Link to={`/cabinet/missions/${missionId}/approche?ids=${r.id}`}>Approcher<span className="visually-hidden"> {r.label} avec un message</span></Link></div>
            ) : null}
          </>
        );
      },
    }),
    col.accessor("days", { id: "days", header: SHORTLIST_COLUMN_LABEL.days, cell: ({ row }) => <span className="num">{sinceDays(row.original.days)}</span> }),
    // The matching's score beside the consultant's evaluation: computed for the page's rows only,
    // so neither sorted on nor hidden (it is not one of the list's ?cols= columns, nor the CSV's).
    col.display({
      id: "adequation",
      enableSorting: false,
      enableHiding: false,
      header: "Adéquation au poste",
      cell: ({ row }) => {
        const m = row.original.match;
        return m ? <MatchReasons score={m.score} capped={m.capped} reasons={m.reasons} shown={2} label={`Adéquation de ${row.original.label} au poste`} /> : <span className="muted">—</span>;
      },
    }),
    col.accessor("score", { id: "score", header: SHORTLIST_COLUMN_LABEL.score, cell: ({ row }) => <span className="num">{row.original.score ?? "—"}</span> }),
    col.accessor("email", { id: "contact", header: SHORTLIST_COLUMN_LABEL.contact, enableSorting: false, cell: ({ row }) => (row.original.email ? <a href={`mailto:${row.original.email}`}>{row.original.email}</a> : "—") }),
  ]);
}

function SortHeader({ id, query }: { id: ShortlistSort; query: ShortlistQuery }) {
  const sorted = query.sort === id ? (query.desc ? "desc" : "asc") : false;
  const next = sorted === "asc" ? "desc" : "asc";
  const state = sorted === "asc" ? "trié par ordre croissant" : sorted === "desc" ? "trié par ordre décroissant" : "non trié";
  return (
    <Link to={`?${shortlistQueryString(query, { sort: id, desc: next === "desc", page: 1 })}`} className="sort-link" preventScrollReset>
      {SHORTLIST_COLUMN_LABEL[id]}
      <span aria-hidden="true" className="sort-mark">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}</span>
      <span className="visually-hidden">{` (${state} ; trier par ordre ${next === "asc" ? "croissant" : "décroissant"})`}</span>
    </Link>
  );
}

export function ShortlistTable({ missionId, rows, total, pageCount, query, open }: { missionId: string; rows: MissionPageRow[]; total: number; pageCount: number; query: ShortlistQuery; open: boolean }) {
  const navigate = useNavigate();
  const [columns] = useState(() => columnsFor(missionId, open));
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const sorting: SortingState = [{ id: query.sort, desc: query.desc }];
  const columnVisibility: ColumnVisibilityState = Object.fromEntries(SHORTLIST_COLUMNS.map((c) => [c === "contact" ? "contact" : c, query.columns.includes(c)]));
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.id,
    state: { sorting, columnVisibility, rowSelection },
    onRowSelectionChange: setRowSelection,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    // Showing a column is a link's business (?cols=…): the URL stays the state.
    onColumnVisibilityChange: (updater) => {
      const next = typeof updater === "function" ? updater(columnVisibility) : updater;
      navigate(`?${shortlistQueryString(query, { columns: SHORTLIST_COLUMNS.filter((c) => c === "label" || next[c] !== false) as ShortlistColumn[] })}`, { replace: true, preventScrollReset: true });
    },
  });
  const checked = table.getSelectedRowIds().length;
  const first = total === 0 ? 0 : (query.page - 1) * query.size + 1;
  const last = Math.min(total, query.page * query.size);

  return (
    <>
      <fieldset className="choices column-choices">
        <legend>Colonnes affichées</legend>
        <div className="choices-grid">
          {table.getAllLeafColumns().filter((c) => c.getCanHide()).map((c) => (
            <div className="field field-check" key={c.id}>
              <input type="checkbox" id={`col-${c.id}`} name="cols" value={c.id} form="filtres" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />
              <label htmlFor={`col-${c.id}`}>{SHORTLIST_COLUMN_LABEL[c.id as ShortlistColumn]}</label>
            </div>
          ))}
        </div>
      </fieldset>

      <form id="lot" method="post" action={`/cabinet/missions/${missionId}?${shortlistQueryString(query)}`} className="bulk-form">
        <CsrfField />
        <input type="hidden" name="intent" value="bulk" />
        {/* The export takes the list as shown: its filters, order and columns. */}
        {query.stage ? <input type="hidden" name="etape" value={query.stage} /> : null}
        {query.source ? <input type="hidden" name="source" value={query.source} /> : null}
        {query.q ? <input type="hidden" name="q" value={query.q} /> : null}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.desc ? "desc" : "asc"} />
        {query.columns.map((c) => <input key={c} type="hidden" name="cols" value={c} />)}
        <p className="bulk-count" role="status">{checked ? `${candidates(checked)} coché${checked > 1 ? "s" : ""}` : `Cochez des candidats pour agir sur eux (${BULK_MAX} au plus).`}</p>
        {open ? (
          <div className="field">
            <label htmlFor="lot-action">Action sur les candidats cochés</label>
            <select id="lot-action" name="operation" defaultValue="">
              <option value="" disabled>Choisir une action…</option>
              {BULK_OPERATIONS.map((op) => <option key={op} value={op}>{BULK_LABEL[op]}</option>)}
            </select>
          </div>
        ) : null}
        <div className="actions">
          {open ? <button type="submit">Appliquer</button> : null}
          <button type="submit" className="button-secondary" formAction={`/cabinet/missions/${missionId}/export`}>
            Exporter en CSV{checked ? " (les candidats cochés)" : " (toute la liste filtrée)"}
          </button>
        </div>
      </form>

      <div className="table-scroll">
        <table className="shortlist-table">
          <caption>
            Liste restreinte <span className="table-count">— {total === 0 ? "aucun candidat" : `${first} à ${last} sur ${candidates(total)}`}</span>
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sortable = header.column.getCanSort();
                  const sorted = query.sort === header.column.id ? (query.desc ? "descending" : "ascending") : undefined;
                  return (
                    <th key={header.id} scope="col" aria-sort={sortable ? sorted : undefined}>
                      {sortable ? <SortHeader id={header.column.id as ShortlistSort} query={query} /> : <table.FlexRender header={header} />}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr><td colSpan={table.getVisibleLeafColumns().length}>{query.q || query.stage || query.source ? "Aucun candidat ne correspond à ces filtres." : "Aucun candidat sur la liste pour le moment."}</td></tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id} className={row.getIsSelected() ? "is-selected" : undefined}>
                  {row.getVisibleCells().map((cell) => (cell.column.id === "label" ? <th key={cell.id} scope="row"><table.FlexRender cell={cell} /></th> : <td key={cell.id}><table.FlexRender cell={cell} /></td>))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? <Pagination page={query.page} pageCount={pageCount} search={`?${shortlistQueryString(query)}`} label="Pages de la liste" /> : null}
    </>
  );
}
