import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { OfferList } from "~/components/positions/OfferList";
import { PublicHeader, SiteFooter } from "~/components/SpaceLayout";
import { Pagination } from "~/components/ui/Table";
import { listOffers } from "~/domain/positions.server";
import { getSessionUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [
  { title: "Offres d’emploi des collectivités — Vivier" },
  { name: "description", content: "Les postes ouverts par les collectivités territoriales, avec leur rémunération, le logement, la mobilité et la vie sur le territoire." },
];

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const pageParam = Number(new URL(request.url).searchParams.get("page"));
  const page = Number.isInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const [{ total, offers }, user] = await Promise.all([listOffers({ page, size: PAGE_SIZE }), getSessionUser(request)]);
  return json({ offers, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), signedIn: !!user });
}

export default function Offers() {
  const { offers, total, page, pageCount, signedIn } = useLoaderData<typeof loader>();
  const { search } = useLocation();
  return (
    <>
      <PublicHeader signedIn={signedIn} />
      <main id="contenu" className="container" tabIndex={-1}>
        <h1>Offres d’emploi des collectivités</h1>
        <p className="muted" role="status">
          {total === 0 ? "Aucune offre publiée pour le moment." : `${total} offre${total > 1 ? "s" : ""} publiée${total > 1 ? "s" : ""}, les plus récentes d’abord.`}
          {pageCount > 1 ? ` Page ${page} sur ${pageCount}.` : ""}
        </p>
        <OfferList offers={offers} />
        {pageCount > 1 ? <Pagination page={page} pageCount={pageCount} search={search} label="Pages des offres" /> : null}
      </main>
      <SiteFooter />
    </>
  );
}
