/**
 * Prints, as JSON, the Set-Cookie headers of the portal's cookies (CSRF, a new session, a sign-out)
 * under this process's environment: tests/integration/security-headers.test.ts runs it with a
 * production one (NODE_ENV=production, an https APP_URL), since the cookies' names and flags are
 * decided once, when their modules load. VIVIER_USER_ID: the user whose session is opened.
 */
const { getCsrfToken } = await import("../../app/utils/csrf.server");
const { createUserSession, logout } = await import("../../app/utils/session.server");

const csrf = await getCsrfToken(new Request("https://vivier.example.fr/"));
const session = await createUserSession(process.env.VIVIER_USER_ID ?? "");
const signedOut = (await logout(new Request("https://vivier.example.fr/deconnexion"))).headers.get("Set-Cookie");
console.log(JSON.stringify({ csrf: csrf.setCookie, session, signedOut }));
process.exit(0);

export {};
