import { useId } from "react";
import type { DepartementMap as MapGeometry } from "~/domain/feasibility.server";
import { formatInt, plural } from "./format";

/**
 * Counts by département on a map of France (geometry from the server, see
 * app/domain/feasibility.server.ts), followed by the same figures as a table: the map is a
 * picture for sighted readers, the table is the information for everyone.
 */

const PALETTE = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
const EMPTY = "#eceef2";

type Bin = { min: number; max: number; colour: string };

/** Up to five classes of counts: one per value when there are few, equal ranges otherwise. */
export function countBins(max: number): Bin[] {
  if (max <= 0) return [];
  const bounds: Array<[number, number]> = [];
  if (max <= PALETTE.length) for (let v = 1; v <= max; v++) bounds.push([v, v]);
  else {
    let lo = 1;
    for (let k = 1; k <= PALETTE.length; k++) {
      const hi = Math.ceil((max * k) / PALETTE.length);
      if (hi >= lo) bounds.push([lo, hi]);
      lo = hi + 1;
    }
  }
  const last = bounds.length - 1;
  return bounds.map(([min, maxV], i) => ({
    min,
    max: maxV,
    colour: PALETTE[last === 0 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / last)],
  }));
}

function colourOf(count: number, bins: Bin[]): string {
  if (count <= 0) return EMPTY;
  return bins.find((b) => count >= b.min && count <= b.max)?.colour ?? PALETTE[PALETTE.length - 1];
}

export function DepartementMap({
  map,
  counts,
  title,
}: {
  map: MapGeometry;
  counts: Array<{ code: string; name: string; count: number }>;
  /** What is counted (the map's and the table's caption). */
  title: string;
}) {
  const id = useId();
  const byCode = new Map(counts.map((c) => [c.code, c]));
  const max = Math.max(0, ...counts.map((c) => c.count));
  const bins = countBins(max);
  const withProfiles = counts.filter((c) => c.count > 0);
  return (
    <figure className="dep-map">
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="dep-map-body">
        <svg
          viewBox={`0 0 ${map.width} ${map.height}`}
          role="img"
          aria-labelledby={`${id}-caption ${id}-summary`}
          shapeRendering="crispEdges"
          className="dep-map-svg"
        >
          {map.areas.map((a) => {
            const c = byCode.get(a.code);
            return (
              <path key={a.code} d={a.d} fill={colourOf(c?.count ?? 0, bins)}>
                <title>{`${c?.name ?? a.code} (${a.code}) : ${plural(c?.count ?? 0, "profil")}`}</title>
              </path>
            );
          })}
          <path d={map.borders} fill="none" stroke="#fff" strokeWidth={0.3} aria-hidden="true" />
          {map.insets.map((inset) => (
            <g key={inset.code} aria-hidden="true">
              <rect x={inset.x} y={inset.y} width={inset.size} height={inset.size} fill="none" stroke="#8a8f99" strokeWidth={0.2} />
              <text x={inset.x + 0.5} y={inset.y + inset.size + 3.5} fontSize={3} fill="#333">{inset.label}</text>
            </g>
          ))}
        </svg>
        <div className="dep-map-legend">
          <p id={`${id}-summary`} className="small">
            {withProfiles.length === 0
              ? "Aucun département ne compte de profil correspondant."
              : `${plural(withProfiles.length, "département")} avec au moins un profil ; le détail est dans le tableau ci-dessous.`}
          </p>
          <ul aria-hidden="true">
            <li><span className="swatch" style={{ background: EMPTY }} /> aucun profil</li>
            {bins.map((b) => (
              <li key={b.min}>
                <span className="swatch" style={{ background: b.colour }} /> {b.min === b.max ? plural(b.min, "profil") : `${formatInt(b.min)} à ${formatInt(b.max)} profils`}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {withProfiles.length ? (
        <div className="table-scroll">
          <table className="dep-table">
            <caption>{title}, par département</caption>
            <thead>
              <tr>
                <th scope="col">Département</th>
                <th scope="col" className="num">Profils</th>
              </tr>
            </thead>
            <tbody>
              {withProfiles.map((c) => (
                <tr key={c.code}>
                  <th scope="row">{c.name} ({c.code})</th>
                  <td className="num">{formatInt(c.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </figure>
  );
}
