import { Link, useLocation, useNavigate } from "@remix-run/react";
import {
  createColumnHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Header,
  type PaginationState,
  type RowData,
  type SortingState,
  type TableOptions,
  type Updater,
} from "@tanstack/react-table";
import type { ReactNode } from "react";
import { readPage } from "~/utils/pagination";

/**
 * A data table whose sorting and pagination belong to the server and live in the URL
 * (?sort=title&dir=asc&page=2&size=20): every header and page link is a plain link, so the table
 * works before JavaScript loads, can be bookmarked, and the loader is the only one that sorts.
 * TanStack Table (v9) holds the column model and the sort/page state taken from the URL.
 *
 * Usage: in the loader, `readTableParams(url.searchParams, { sorts, defaultSort })`, query one
 * page, return `{ rows, total, params }`; in the component, `<DataTable columns rows rowCount params />`
 * with columns made by `tableColumns<Row>()` whose ids are the sort keys.
 */

export const serverTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type ServerTableFeatures = typeof serverTableFeatures;

/** The column helper for a DataTable of rows of type T. */
export function tableColumns<T extends RowData>() {
  return createColumnHelper<ServerTableFeatures, T>();
}

export type TableParams<S extends string = string> = { sort: S; desc: boolean; page: number; size: number };

export const PAGE_SIZES = [10, 20, 50] as const;

/** Reads (and bounds) the table state of a URL; anything unexpected falls back to the defaults. */
export function readTableParams<S extends string>(
  search: URLSearchParams,
  { sorts, defaultSort, defaultDesc = false, defaultSize = 20 }: { sorts: readonly S[]; defaultSort: S; defaultDesc?: boolean; defaultSize?: number },
): TableParams<S> {
  const sortParam = search.get("sort") ?? "";
  const sort = (sorts as readonly string[]).includes(sortParam) ? (sortParam as S) : defaultSort;
  const dir = search.get("dir");
  const desc = dir === "desc" ? true : dir === "asc" ? false : sort === defaultSort ? defaultDesc : false;
  const sizeParam = Number(search.get("size"));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : defaultSize;
  const page = readPage(search.get("page"));
  return { sort, desc, page, size };
}

/** The current URL with some parameters replaced ("" or null removes one). */
function withParams(search: string, changes: Record<string, string | number | null>): string {
  const params = new URLSearchParams(search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") params.delete(key);
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "?";
}

const resolve = <T,>(updater: Updater<T>, old: T): T => (typeof updater === "function" ? (updater as (o: T) => T)(old) : updater);

export function DataTable<T extends RowData>({
  caption,
  columns,
  rows,
  rowCount,
  params,
  getRowId,
  empty,
}: {
  /** Names the table for screen readers (and shows above it). */
  caption: ReactNode;
  columns: TableOptions<ServerTableFeatures, T>["columns"];
  rows: T[];
  rowCount: number;
  params: TableParams;
  getRowId?: (row: T) => string;
  empty?: ReactNode;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  const sorting: SortingState = [{ id: params.sort, desc: params.desc }];
  const pagination: PaginationState = { pageIndex: params.page - 1, pageSize: params.size };

  const table = useTable({
    features: serverTableFeatures,
    columns,
    data: rows,
    getRowId,
    rowCount,
    state: { sorting, pagination },
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    // Programmatic changes (table.setSorting, table.nextPage…) go through the URL too.
    onSortingChange: (updater) => {
      const next = resolve(updater, sorting)[0];
      navigate(withParams(location.search, { sort: next?.id ?? null, dir: next ? (next.desc ? "desc" : "asc") : null, page: null }));
    },
    onPaginationChange: (updater) => {
      const next = resolve(updater, pagination);
      navigate(withParams(location.search, { page: next.pageIndex + 1, size: next.pageSize }));
    },
  });

  const pageCount = Math.max(1, table.getPageCount());
  const first = rowCount === 0 ? 0 : (params.page - 1) * params.size + 1;
  const last = Math.min(rowCount, params.page * params.size);

  return (
    <div className="data-table">
      <div className="table-scroll">
        <table>
          <caption>
            {caption}
            <span className="table-count"> — {rowCount === 0 ? "aucun résultat" : `${first} à ${last} sur ${rowCount}`}</span>
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={header.column.getIsSorted() === "asc" ? "ascending" : header.column.getIsSorted() === "desc" ? "descending" : undefined}
                  >
                    {header.isPlaceholder ? null : header.column.getCanSort() ? (
                      <SortLink header={header} search={location.search}>
                        <table.FlexRender header={header} />
                      </SortLink>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.length === 0 ? (
              <tr>
                <td colSpan={table.getAllLeafColumns().length}>{empty ?? "Aucun résultat."}</td>
              </tr>
            ) : (
              table.getRowModel().rows.map((row) => (
                <tr key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id}>
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? <Pagination page={params.page} pageCount={pageCount} search={location.search} /> : null}
    </div>
  );
}

function SortLink<T extends RowData>({ header, search, children }: { header: Header<ServerTableFeatures, T, unknown>; search: string; children: ReactNode }) {
  const sorted = header.column.getIsSorted();
  const next = header.column.getNextSortingOrder() || "asc";
  const state = sorted === "asc" ? "trié par ordre croissant" : sorted === "desc" ? "trié par ordre décroissant" : "non trié";
  return (
    <Link to={withParams(search, { sort: header.column.id, dir: next, page: null })} className="sort-link" preventScrollReset>
      {children}
      <span aria-hidden="true" className="sort-mark">{sorted === "asc" ? " ▲" : sorted === "desc" ? " ▼" : " ↕"}</span>
      <span className="visually-hidden">
        {` (${state} ; trier par ordre ${next === "asc" ? "croissant" : "décroissant"})`}
      </span>
    </Link>
  );
}

/** Page links: first, previous, a window around the current page, next, last. */
export function Pagination({ page, pageCount, search, label = "Pagination" }: { page: number; pageCount: number; search: string; label?: string }) {
  const pages = new Set<number>([1, pageCount]);
  for (let p = Math.max(1, page - 2); p <= Math.min(pageCount, page + 2); p++) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link to={withParams(search, { page: page - 1 })} rel="prev">Page précédente</Link> : null}
      <ul className="inline-list">
        {sorted.map((p, i) => (
          <li key={p}>
            {i > 0 && p - sorted[i - 1] > 1 ? <span aria-hidden="true">… </span> : null}
            {p === page ? (
              <span aria-current="page" className="current-page">
                <span className="visually-hidden">Page </span>{p}
              </span>
            ) : (
              <Link to={withParams(search, { page: p })}>
                <span className="visually-hidden">Page </span>{p}
              </Link>
            )}
          </li>
        ))}
      </ul>
      {page < pageCount ? <Link to={withParams(search, { page: page + 1 })} rel="next">Page suivante</Link> : null}
    </nav>
  );
}
