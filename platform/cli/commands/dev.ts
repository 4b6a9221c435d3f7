/**
 * `charter dev [--port N] [--mock [ctx...]]` serves every context locally;
 * `charter dev token --sub u1 --scope orders:write` mints a bearer token it accepts.
 * @module
 */
import { ConfigError } from '../../config/charter-config.ts';
import { loadDevKeys, mintDevToken } from '../../gateway/auth/dev-keys.ts';
import { startDevGateway } from '../../gateway/dev-gateway.ts';
import { parseArgs } from '../args.ts';

export async function runDev(argv: string[], root: string): Promise<number> {
  const args = parseArgs(argv, ['port', 'sub', 'scope', 'expires', 'host']);
  if (args.positionals[0] === 'token') return mintToken(args, root);

  const port = args.flags.get('port');
  if (port !== undefined && !/^\d+$/.test(String(port))) {
    console.error(`charter dev: --port takes a number, got ${String(port)}`);
    return 2;
  }
  const mock = args.flags.has('mock')
    ? args.positionals.length > 0
      ? new Set(args.positionals)
      : 'all'
    : undefined;
  try {
    const gateway = await startDevGateway({
      root,
      port: port === undefined ? undefined : Number(port),
      host: typeof args.flags.get('host') === 'string' ? (args.flags.get('host') as string) : undefined,
      mock,
    });
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        console.log(`charter dev: ${signal} received; finishing in-flight requests and closing data stores`);
        void gateway.close().then(resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    console.log('charter dev: stopped');
    return 0;
  } catch (error) {
    if (error instanceof ConfigError) console.error(error.message);
    else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`charter dev: port ${port ?? 3000} is in use; stop what runs there or pass --port N`);
    } else console.error(`charter dev: ${(error as Error).message}`);
    return 1;
  }
}

async function mintToken(args: ReturnType<typeof parseArgs>, root: string): Promise<number> {
  const subject = args.flags.get('sub');
  if (typeof subject !== 'string') {
    console.error(
      'charter dev token: --sub <subject> is required, e.g. charter dev token --sub u1 --scope orders:write',
    );
    return 2;
  }
  const scopes = (args.lists.get('scope') ?? []).flatMap((s) => s.split(/[\s,]+/)).filter(Boolean);
  const expires = Number(args.flags.get('expires') ?? 3600);
  const token = await mintDevToken(await loadDevKeys(root), { subject, scopes, expiresInSeconds: expires });
  console.log(token);
  return 0;
}
