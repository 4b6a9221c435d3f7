/**
 * `charter sdk pull`: fetches API Gateway's own generated SDK of a deployed stage (GetSdk) for
 * teams outside TypeScript, unpacks it, and writes `charter-sdk.json` beside it saying which
 * contract (version and content hash) it goes with and which version the stage runs.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import type { ContextSource } from '../codegen/parse/find-contexts.ts';
import { AWS_EXIT } from './aws-failure.ts';
import { type ContractFingerprint, fingerprintContract } from './contract-fingerprint.ts';
import { readZip, type ZipEntry, ZipError } from './read-zip.ts';
import { defaultSdkParameters, type SdkLanguage } from './sdk-languages.ts';
import { getSdkArchive, getStageExport, type Stage } from './stage-calls.ts';

/** The record written beside every pulled SDK. */
export const RECORD_FILE = 'charter-sdk.json';

export interface PullSdkOptions {
  readonly context: ContextSource;
  readonly language: SdkLanguage;
  readonly stage: Stage;
  /** Absolute folder to unpack into; replaced as a whole if an earlier pull wrote it. */
  readonly outDir: string;
  /** Override or add SDK properties (`--param name=value`). @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
  /** npm scope the default Java/Android names derive from. @default '@charter' */
  readonly scope?: string;
}

export interface SdkRecord {
  readonly context: string;
  readonly language: SdkLanguage;
  readonly restApiId: string;
  readonly stage: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly contract: ContractFingerprint;
  /** What the stage says it runs (its export's `info`), or null when it could not be read. */
  readonly deployed: { readonly title: string; readonly version: string } | null;
  /** Whether the stage's version is the contract's; null when unknown. */
  readonly matchesContract: boolean | null;
  readonly archive: {
    readonly sha256: string;
    readonly bytes: number;
    readonly files: number;
    /** The single top folder of the archive, left out when unpacking. */
    readonly root: string | null;
  };
}

export type PullResult =
  | { readonly ok: true; readonly record: SdkRecord; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly exitCode: number; readonly message: string };

/**
 * @example
 * const result = await pullSdk('/repo', client, {
 *   context, language: 'java', stage: { restApiId: 'a1b2c3', stage: 'prod' }, outDir: '/repo/dist/apigateway-sdk/catalog/java',
 * });
 */
export async function pullSdk(
  root: string,
  client: APIGatewayClient,
  options: PullSdkOptions,
): Promise<PullResult> {
  const { context, language, stage, outDir } = options;
  const shownOut = relative(root, outDir) || '.';
  const contract = await fingerprintContract(root, context.contractFile);
  if (!contract.ok) {
    return {
      ok: false,
      exitCode: 2,
      message: `${context.name}: the contract cannot be read, so the SDK could not be matched to it:\n${contract.problems.join('\n')}`,
    };
  }
  const refusal = await outDirRefusal(outDir, shownOut);
  if (refusal) return { ok: false, exitCode: 2, message: refusal };

  const parameters = {
    ...defaultSdkParameters(language, {
      context: context.name,
      version: contract.fingerprint.version,
      scope: options.scope ?? '@charter',
    }),
    ...options.parameters,
  };
  const archive = await getSdkArchive(client, stage, language, parameters);
  if (!archive.ok) return { ok: false, ...archive.failure };

  let entries: ZipEntry[];
  try {
    entries = readZip(archive.value.zip);
  } catch (error) {
    if (!(error instanceof ZipError)) throw error;
    return {
      ok: false,
      exitCode: AWS_EXIT.unavailable,
      message: `GetSdk: the ${language} SDK archive of REST API ${stage.restApiId}, stage ${stage.stage} cannot be unpacked: ${error.message} (content type ${archive.value.contentType ?? 'unknown'}). Pull again; if it persists, download it from the API Gateway console to compare.`,
    };
  }
  if (entries.length === 0) {
    return {
      ok: false,
      exitCode: AWS_EXIT.unavailable,
      message: `GetSdk: the ${language} SDK archive of REST API ${stage.restApiId}, stage ${stage.stage} is empty.`,
    };
  }
  const top = commonRoot(entries);
  await unpack(outDir, entries, top);

  const warnings: string[] = [];
  const exported = await getStageExport(client, stage);
  let deployed: SdkRecord['deployed'] = null;
  if (exported.ok) {
    const info = (exported.value.info ?? {}) as Record<string, unknown>;
    deployed = { title: String(info.title ?? ''), version: String(info.version ?? '') };
  } else {
    warnings.push(
      `could not read which version the stage runs, so ${RECORD_FILE} leaves it open: ${exported.failure.message}`,
    );
  }
  const matchesContract = deployed ? deployed.version === contract.fingerprint.version : null;
  if (deployed && !matchesContract) {
    warnings.push(
      `stage ${stage.stage} runs version ${deployed.version || '(none)'} but ${contract.fingerprint.file} is ${contract.fingerprint.version}: ` +
        `the SDK follows the deployed API. Deploy the contract, or run \`npx charter drift ${context.name} --rest-api-id ${stage.restApiId} --stage ${stage.stage}\` to see how they differ.`,
    );
  }
  const record: SdkRecord = {
    context: context.name,
    language,
    restApiId: stage.restApiId,
    stage: stage.stage,
    parameters,
    contract: contract.fingerprint,
    deployed,
    matchesContract,
    archive: {
      sha256: `sha256:${createHash('sha256').update(archive.value.zip).digest('hex')}`,
      bytes: archive.value.zip.length,
      files: entries.length,
      root: top ?? null,
    },
  };
  await writeFile(join(outDir, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`);
  return { ok: true, record, warnings };
}

/** A folder charter did not write is never replaced: it may hold someone's work. */
async function outDirRefusal(outDir: string, shown: string): Promise<string | undefined> {
  if (!existsSync(outDir)) return undefined;
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return `${shown} exists and is not a folder; choose another --out.`;
  }
  if (names.length === 0 || names.includes(RECORD_FILE)) return undefined;
  return `${shown} already exists and was not written by charter sdk pull (it has no ${RECORD_FILE}); refusing to replace it. Choose another --out, or empty the folder.`;
}

/** API Gateway wraps each SDK in one folder (e.g. `apiGateway-js-sdk/`); `--out` is that folder. */
function commonRoot(entries: readonly ZipEntry[]): string | undefined {
  const first = entries[0].path.split('/')[0];
  return entries.every((e) => e.path.startsWith(`${first}/`)) ? first : undefined;
}

/** Unpacks next to the target first, so a failed pull leaves the previous SDK in place. */
async function unpack(outDir: string, entries: readonly ZipEntry[], top: string | undefined): Promise<void> {
  const staging = `${outDir}.pull-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  try {
    for (const entry of entries) {
      const file = join(staging, top ? entry.path.slice(top.length + 1) : entry.path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, entry.data);
    }
    await rm(outDir, { recursive: true, force: true });
    await mkdir(dirname(outDir), { recursive: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
