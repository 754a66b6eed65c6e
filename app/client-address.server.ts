/**
 * The address a request came from, for throttling, the audit log and the sessions list.
 *
 * The HTTP server (server/index.ts) is the only writer of this header: it drops whatever a
 * client sent under this name and sets it from the connection (or, when TRUST_PROXY is set, from
 * the proxy's X-Forwarded-For), so routes and services read it from the Request alone.
 */
export const CLIENT_ADDRESS_HEADER = 'x-ehcp-client-address';

export function clientAddress(request: Request): string {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || 'unknown';
}
