/**
 * `charter dev`'s gateway on the bench project, as the gateway benchmark drives it: prints
 * `READY {"url", "token"}` (a dev token with the orders:write scope) once serving; request log
 * lines go to stdout as `charter dev` writes them. Stops on SIGTERM.
 * Usage: gateway-server.ts <project-root>
 */
import { loadDevKeys, mintDevToken } from '../../platform/gateway/auth/dev-keys.ts';
import { startDevGateway } from '../../platform/gateway/dev-gateway.ts';

const root = process.argv[2];
// The default log sink, as `charter dev` uses it: request lines on stdout.
const gateway = await startDevGateway({ root, port: 0, watch: false });
const token = await mintDevToken(await loadDevKeys(root), {
  subject: 'u1',
  scopes: ['orders:write'],
  expiresInSeconds: 3600,
});
console.log(`READY ${JSON.stringify({ url: gateway.url, token })}`);
process.on('SIGTERM', () => {
  void gateway.close().then(() => process.exit(0));
});
