/**
 * The shapes of search results that pages render, for components and routes: they may import
 * types from the domain, never anything from search/ (see docs/decisions/009-type-only-imports.md).
 * Types only, so nothing of the search client can follow them into the browser.
 */
export type { CandidateHit, TextSegment } from "../../search/candidate-search";
export type { FacetValue, OfferFacets, OfferHit, OfferSearchResult } from "../../search/offer-search";
