import { createContext, useContext } from 'react';

/**
 * The per-request nonce the Content-Security-Policy header allows inline scripts with
 * (server/index.ts makes it; app/entry.server.tsx provides it). In the browser it is empty: the
 * browser hides nonces from the page once it has checked them, and hydration adds no scripts.
 */
export const CspNonce = createContext<string | undefined>(undefined);

export const useCspNonce = () => useContext(CspNonce);
