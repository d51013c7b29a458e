/** What our server (app/cli/server.ts) passes to every loader and action. */
declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's IP address, for rate limits (never trusted from headers). */
    clientAddress?: string;
    /** The nonce of this response's Content-Security-Policy (app/utils/security-headers.server.ts). */
    cspNonce?: string;
  }
}

export {};
