/**
 * The load benchmark's floor (search/bench/load.ts): a second, minimal Remix app — a root and two
 * routes — built by `remix build search/bench/floor`. The portal's own app and this one share the
 * search functions (`~` is the portal's app folder, see tsconfig.json here).
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  serverModuleFormat: "esm",
  serverPlatform: "node",
  serverDependenciesToBundle: [],
};
