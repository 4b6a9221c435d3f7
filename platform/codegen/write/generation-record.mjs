/**
 * Lets `charter generate` skip a context that nothing has touched since its last run, without
 * parsing its contract. Each successful run records, in `.charter/cache/generate/<ctx>.json`
 * (git-ignored, like the rest of `.charter/`), the content hashes of every file the contract was
 * read from, of charter.config.json, of the generator itself, and of every file it wrote. A
 * context counts as unchanged only when all of them still match what is on disk, so `--check`
 * stays honest: an edited contract, a hand-edited or deleted generated file, a stray extra file,
 * a changed config or a changed generator all fall back to generating and comparing in full.
 *
 * Plain JavaScript (typed by generation-record.d.mts) because `charter generate` on an unchanged
 * repository runs it before TypeScript support is loaded: starting tsx costs more than the check.
 * @module
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const RECORD_VERSION = 1;
const PLATFORM_DIR = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** What generated code is made of: the emitters, the runtime code they embed, the config reader. */
const GENERATOR_DIRS = ['codegen', 'runtime', 'config'];
/** Libraries whose version changes what is generated. */
const GENERATOR_LIBRARIES = [
  '@redocly/openapi-core',
  'ajv',
  'ajv-formats',
  'esbuild',
  'openapi-typescript',
  'typescript',
  'yaml',
];

/**
 * @param {string} root
 * @param {string} context
 * @returns {Promise<boolean>}
 */
export async function isUnchanged(root, context) {
  let record;
  try {
    record = JSON.parse(await readFile(recordFile(root, context), 'utf8'));
  } catch {
    return false;
  }
  if (record.version !== RECORD_VERSION || record.generator !== generatorFingerprint()) return false;
  if (record.config !== ((await hashFile(join(root, 'charter.config.json'))) ?? 'missing')) return false;
  for (const [file, hash] of Object.entries(record.sources)) {
    if ((await hashFile(join(root, file))) !== hash) return false;
  }
  const onDisk = (await Promise.all(record.folders.map((folder) => listFiles(root, folder)))).flat();
  if (onDisk.length !== Object.keys(record.outputs).length) return false;
  for (const file of onDisk) {
    const want = Object.hasOwn(record.outputs, file) ? record.outputs[file] : undefined;
    if (want === undefined || (await hashFile(join(root, file))) !== want) return false;
  }
  return true;
}

/**
 * @param {string} root
 * @param {{ context: string; folders: readonly string[]; files: readonly { path: string; contents: string }[]; sources: readonly string[] }} output
 * @returns {Promise<void>}
 */
export async function recordGeneration(root, output) {
  /** @type {Record<string, string>} */
  const sources = {};
  for (const source of output.sources) {
    const file = isAbsolute(source) ? relative(root, source) : source;
    sources[toPosix(file)] = (await hashFile(join(root, file))) ?? 'missing';
  }
  /** @type {Record<string, string>} */
  const outputs = {};
  for (const file of output.files) outputs[file.path] = sha256(file.contents);
  const record = {
    version: RECORD_VERSION,
    generator: generatorFingerprint(),
    config: (await hashFile(join(root, 'charter.config.json'))) ?? 'missing',
    sources,
    folders: output.folders,
    outputs,
  };
  const file = recordFile(root, output.context);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`);
}

/** @param {string} root @param {string} context */
function recordFile(root, context) {
  return join(root, '.charter', 'cache', 'generate', `${context}.json`);
}

/** @type {string | undefined} */
let generator;

/** Hash of the generator's own sources and library versions; computed once per process. */
function generatorFingerprint() {
  if (generator) return generator;
  const hash = createHash('sha256');
  for (const dir of GENERATOR_DIRS) {
    const files = readdirSync(join(PLATFORM_DIR, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|mts|mjs|js|json)$/.test(e.name) && !/\.test(-d)?\.ts$/.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .filter((file) => !file.split(sep).includes('__snapshots__'))
      .sort();
    for (const file of files) {
      // Line endings differ between checkouts; the generator does not.
      hash.update(toPosix(relative(PLATFORM_DIR, file))).update('\0');
      hash.update(readFileSync(file, 'utf8').replaceAll('\r\n', '\n')).update('\0');
    }
  }
  for (const library of GENERATOR_LIBRARIES) hash.update(`${library}@${libraryVersion(library)}\0`);
  generator = hash.digest('hex');
  return generator;
}

/** @param {string} name */
function libraryVersion(name) {
  for (let dir = PLATFORM_DIR; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).version;
    if (dirname(dir) === dir) return 'missing';
  }
}

/** @param {string} file @returns {Promise<string | undefined>} */
async function hashFile(file) {
  try {
    return sha256(await readFile(file));
  } catch {
    return undefined;
  }
}

/** @param {string | Uint8Array} contents */
function sha256(contents) {
  return createHash('sha256').update(contents).digest('hex');
}

/** @param {string} path */
function toPosix(path) {
  return sep === '/' ? path : path.split(sep).join('/');
}

/** @param {string} root @param {string} folder @returns {Promise<string[]>} */
async function listFiles(root, folder) {
  const entries = await readdir(join(root, folder), { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => toPosix(relative(root, join(e.parentPath, e.name))));
}
