import { availableParallelism } from "node:os";
import { z } from "zod";

const WEB_CONCURRENCY_MESSAGE = 'must be a number of processes from 1 to 64, or "auto" (one per core)';

/**
 * The portal's configuration, read once from the environment and validated. A wrong or missing
 * value stops start-up with a message that names the variable (see .env.example).
 */
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^(file:.+|postgres(ql)?:\/\/.+)/, "must be a SQLite file URL such as file:./data/vivier.db or a PostgreSQL URL such as postgresql://vivier:…@db:5432/vivier")
    .default("file:./data/vivier.db"),
  /** Signs the cookies. `npm start` generates one into data/session.secret when it is unset. */
  SESSION_SECRET: z.string({ error: "is required (npm start generates one; see .env.example)" }).min(32, "must be at least 32 characters"),
  /**
   * PostgreSQL only: the connections each process opens at most (its pool). Instances × (1 +
   * WEB_CONCURRENCY when above 1) × this must stay below the server's max_connections (100 by
   * default), with room for backups and psql.
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /**
   * How many processes serve HTTP (`npm start`, production). 1: one process serves and runs the
   * background work, as in development. More, or "auto" (one per core): the first process runs the
   * background work (outbox, daily jobs) and that many others serve the pages on PORT
   * (docs/decisions/144). One Node process uses one core; the pages are rendered on the CPU.
   */
  WEB_CONCURRENCY: z
    .string()
    .regex(/^(auto|\d{1,2})$/, WEB_CONCURRENCY_MESSAGE)
    .default("1")
    .transform((v) => (v === "auto" ? Math.min(64, Math.max(1, availableParallelism())) : Number(v)))
    .refine((n) => n >= 1 && n <= 64, WEB_CONCURRENCY_MESSAGE),
  /** Where the CV files live (outside public/). */
  UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  /** An external Meilisearch server; when unset, the portal starts its own (search/meili-process.ts). */
  MEILI_URL: z.url("must be a URL such as http://127.0.0.1:7700").optional(),
  MEILI_MASTER_KEY: z.string().min(16, "must be at least 16 bytes").optional(),
  /** Where the embedded Meilisearch keeps its data and the port it listens on. */
  MEILI_DATA_DIR: z.string().min(1).default("./data/meili"),
  MEILI_PORT: z.coerce.number().int().min(1).max(65535).default(7700),
  /** smtp://user:pass@host:port; without it mails are only stored in OutgoingMail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  MAIL_FROM: z.string().default("Vivier <ne-pas-repondre@vivier.test>"),
  /** The public address of the portal, used in the links of the mails. */
  APP_URL: z.url("must be a URL such as http://localhost:3000").default("http://localhost:3000"),
  /**
   * Behind a reverse proxy: which proxies to believe about the client's address (Express's
   * "trust proxy": a number of hops, or addresses and subnets such as "loopback, 10.0.0.0/8").
   */
  TRUST_PROXY: z.string().regex(/^[\w.:/, -]+$/, "must be a number of proxies or a list of addresses, e.g. 1 or loopback, 10.0.0.0/8").optional(),
})
  .refine((env) => !env.MEILI_URL || !!env.MEILI_MASTER_KEY, {
    path: ["MEILI_MASTER_KEY"],
    message: "is required when MEILI_URL is set",
  });

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty variable (KEY= in .env) means "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  // Tests sign their cookies with a fixed secret of their own.
  if (cleaned.NODE_ENV === "test" && !cleaned.SESSION_SECRET) cleaned.SESSION_SECRET = "test-secret-not-for-any-real-deployment-000";
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example.`);
  }
  return result.data;
}

let cached: Env | undefined;

/** Cookies are Secure in production, except when the portal is served on this machine over http. */
export function secureCookies(e: Env = env()): boolean {
  const host = new URL(e.APP_URL).hostname;
  return e.NODE_ENV === "production" && !["localhost", "127.0.0.1", "[::1]"].includes(host);
}

/**
 * A cookie's name: `__Host-` prefixed wherever cookies are Secure, so that the browser refuses
 * it unless it is Secure, has Path=/ and no Domain (no sibling subdomain can set or shadow it).
 * Plain on this machine over http, where a `__Host-` cookie could not be set (decision 060).
 */
export function cookieName(name: string, e: Env = env()): string {
  return secureCookies(e) ? `__Host-${name}` : name;
}

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
