import { config } from "zod";

/**
 * zod 4 compiles object parsers with `new Function` when it may, and probes for it once: in the
 * browser, under our Content-Security-Policy (no 'unsafe-eval'), that probe is a policy
 * violation. Imported first by app/root.tsx, so that it runs before any route module builds a
 * schema. The server keeps the compiled parsers.
 */
if (typeof document !== "undefined") config({ jitless: true });
