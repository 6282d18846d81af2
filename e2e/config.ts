/** Ports of the end-to-end test server and its database; shared by playwright.config.ts, the server and the specs. */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_PG_PORT = Number(process.env.E2E_PG_PORT ?? 54339);
export const e2eDatabaseUrl = `postgresql://postgres:quire-local@127.0.0.1:${E2E_PG_PORT}/quire_e2e`;
/** Port of the nginx (deploy/nginx/quire.conf) that e2e/deploy puts in front of the test server. */
export const E2E_NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? E2E_PORT + 1);
