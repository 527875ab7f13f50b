/** Set by server.ts from the socket address (any incoming value is overwritten there). */
export const CLIENT_IP_HEADER = "x-keyward-client-ip";
