/**
 * `charter sdk pack [ctx...]` and `charter sdk publish [ctx...] --registry URL [--tag TAG]`:
 * build each context's SDK into `dist/sdk/*.tgz` with a changelog entry, and publish those
 * tarballs with the user's own npm credentials.
 * @module
 */
import { findContexts } from '../../codegen/parse/find-contexts.ts';
import { parseArgs } from '../args.ts';

const USAGE = `usage: charter sdk pack [ctx...]
       charter sdk publish [ctx...] --registry URL [--tag TAG]
       charter sdk pull <ctx> --lang LANG --rest-api-id ID --stage S [--out DIR]`;

/** @example await runSdk(['pack', 'catalog'], process.cwd()) */
export async function runSdk(argv: string[], root: string): Promise<number> {
  // API Gateway's own SDKs for other languages: a command of its own (platform/aws).
  // Loaded on demand: each action pulls in heavy modules (the AWS SDK, the TypeScript compiler).
  if (argv[0] === 'pull') return (await import('./sdk-pull.ts')).runSdkPull(argv.slice(1), root);
  const { positionals, flags } = parseArgs(argv, ['registry', 'tag']);
  const [action, ...names] = positionals;
  const allowed = action === 'publish' ? ['registry', 'tag'] : [];
  const unknownFlags = [...flags.keys()].filter((f) => !allowed.includes(f));
  if ((action !== 'pack' && action !== 'publish') || unknownFlags.length > 0) {
    const what =
      unknownFlags.length > 0
        ? `unknown option ${unknownFlags.map((f) => `--${f}`).join(', ')}`
        : 'say pack, publish or pull';
    console.error(`charter sdk: ${what}\n${USAGE}`);
    return 2;
  }
  const available = findContexts(root);
  const unknown = names.filter((n) => !available.some((c) => c.name === n));
  if (unknown.length > 0) {
    console.error(
      `charter sdk: no contract for ${unknown.map((u) => `"${u}"`).join(', ')} ` +
        `(found: ${available.map((c) => c.name).join(', ') || 'none'})`,
    );
    return 2;
  }
  const selected = names.length > 0 ? available.filter((c) => names.includes(c.name)) : available;
  if (action === 'pack') return pack(root, selected);

  const registry = flags.get('registry');
  if (typeof registry !== 'string' || !/^https?:\/\//.test(registry)) {
    console.error(
      `charter sdk publish: --registry needs the registry's URL, e.g. https://npm.example.com\n${USAGE}`,
    );
    return 2;
  }
  const tag = flags.get('tag');
  let failed = 0;
  for (const source of selected) {
    const { publishSdk } = await import('../../sdk/publish-sdk.ts');
    const result = await publishSdk(root, source.name, {
      registry,
      tag: typeof tag === 'string' ? tag : undefined,
    });
    const id = `${result.name}@${result.version}`;
    if (result.status === 'published') console.error(`charter sdk publish: ${id} published to ${registry}`);
    else if (result.status === 'already-published')
      console.error(`charter sdk publish: ${id} is already published with the same content; nothing to do`);
    else {
      failed++;
      console.error(
        `charter sdk publish: ${result.status === 'refused' ? 'refused' : 'failed'}: ${result.reason}`,
      );
    }
  }
  return failed > 0 ? 1 : 0;
}

async function pack(root: string, selected: ReturnType<typeof findContexts>): Promise<number> {
  let failed = 0;
  for (const source of selected) {
    try {
      const { packSdk } = await import('../../sdk/pack-sdk.ts');
      const packed = await packSdk(root, source);
      const size = `${(packed.bytes / 1024).toFixed(1)} kB, ${packed.files} files`;
      console.error(`charter sdk pack: ${packed.context}: ${packed.file} (${size})`);
      if (packed.replaced === 'different') {
        console.error(
          `  warning: this replaced a different ${packed.version} tarball; a registry that has ${packed.version} ` +
            'will refuse it: bump info.version in the contract',
        );
      }
      console.error(`  CHANGELOG ${packed.version}${packed.since ? ` (since ${packed.since})` : ''}:`);
      console.error(packed.entry.replace(/^/gm, '    '));
    } catch (error) {
      failed++;
      const message = error instanceof Error ? error.message : String(error);
      console.error(`charter sdk pack: ${source.name}: ${message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
