/**
 * The load benchmark's floor (`npm run bench:load`, search/bench/load.ts): the same searches as
 * /offres and /cabinet/vivier, with the same functions (URL parsing, searchOffers,
 * searchCandidates with the viewer's confidentiality filter and facets) against the same
 * Meilisearch, rendered as rows by React on the server, in a bare node:http handler: no
 * session, no database, no Remix, no layout, no hydration data. What the portal adds on top of
 * it is what the benchmark measures. Started as a child process by load.ts.
 *
 * Environment: BARE_PORT, MEILI_URL, MEILI_MASTER_KEY, BARE_VIEWER (the consultant's
 * CandidateSearchViewer as JSON, read once from the database by load.ts).
 */
import http from "node:http";
import { renderToString } from "react-dom/server";
import { parseOfferSearch } from "~/schemas/offer-search";
import { parseTalentSearch } from "~/schemas/talent-search";
import { candidateSearchParams } from "~/domain/talent-search.server";
import type { CandidateHit, CandidateSearchViewer } from "../candidate-search";
import { searchCandidates } from "../candidate-search";
import { createSearchClient } from "../client";
import { searchOffers, type OfferHit } from "../offer-search";

const client = createSearchClient({ url: process.env.MEILI_URL!, masterKey: process.env.MEILI_MASTER_KEY! });
const viewer = JSON.parse(process.env.BARE_VIEWER!) as CandidateSearchViewer;

function Page({ title, total, facets, children }: { title: string; total: number; facets: Record<string, Record<string, number>>; children: React.ReactNode }) {
  return (
    <html lang="fr">
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
      </head>
      <body>
        <main>
          <h1>{title}</h1>
          <p>{total} résultat(s)</p>
          <aside>
            {Object.entries(facets).map(([name, values]) => (
              <fieldset key={name}>
                <legend>{name}</legend>
                {Object.entries(values).slice(0, 10).map(([v, n]) => (
                  <label key={v}>
                    <input type="checkbox" name={name} value={v} /> {v} ({n})
                  </label>
                ))}
              </fieldset>
            ))}
          </aside>
          {children}
        </main>
      </body>
    </html>
  );
}

function CandidateRow({ hit }: { hit: CandidateHit }) {
  return (
    <li>
      <h2>{hit.name ?? hit.pseudonym}</h2>
      <p>
        {hit.currentFunction} — {hit.cadreLabel} {hit.grade}
      </p>
      <p>
        {hit.homeCommuneName ?? hit.departementName} {hit.distanceKm !== null ? `${hit.distanceKm} km` : ""}
      </p>
      <ul>{hit.competencies.map((c) => <li key={c}>{c}</li>)}</ul>
    </li>
  );
}

function OfferRow({ hit }: { hit: OfferHit }) {
  return (
    <li>
      <h2 dangerouslySetInnerHTML={{ __html: hit.titleHtml ?? hit.title }} />
      <p>
        {hit.organizationName} — {hit.communeName} ({hit.departementCode})
      </p>
      <p>
        {hit.categorie} · {hit.filiereLabel} · {hit.salaryMin ?? ""}–{hit.salaryMax ?? ""} €
      </p>
    </li>
  );
}

async function render(url: URL): Promise<{ status: number; html: string }> {
  if (url.pathname === "/offres") {
    const { params } = parseOfferSearch(url.searchParams);
    const r = await searchOffers(client, params);
    const facets = { filiere: Object.fromEntries(r.facets.filiere.map((f) => [f.value, f.count])) };
    return { status: 200, html: renderToString(<Page title="Offres" total={r.total} facets={facets}><ol>{r.hits.map((h) => <OfferRow key={h.id} hit={h} />)}</ol></Page>) };
  }
  if (url.pathname === "/vivier") {
    const { search } = parseTalentSearch(url.searchParams);
    const { params } = candidateSearchParams(search);
    const r = await searchCandidates(client, viewer, params);
    return { status: 200, html: renderToString(<Page title="Vivier" total={r.totalHits} facets={r.facets}><ol>{r.hits.map((h) => <CandidateRow key={h.id} hit={h} />)}</ol></Page>) };
  }
  return { status: 404, html: "introuvable" };
}

const server = http.createServer((req, res) => {
  render(new URL(req.url ?? "/", "http://bare"))
    .then(({ status, html }) => {
      res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
      res.end(`<!DOCTYPE html>${html}`);
    })
    .catch((error: unknown) => {
      res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(String(error));
    });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.BARE_PORT), "127.0.0.1", () => process.stdout.write("bare-ready\n"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
