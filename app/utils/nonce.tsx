import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of the document being rendered (app/entry.server.tsx). In the
 * browser it is "": browsers hide a nonce from the page once checked, so "" is also what the
 * rendered attributes read when React hydrates them.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
