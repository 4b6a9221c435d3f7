import { describe, expect, it } from 'vitest';
import { readZip } from '../../platform/aws/read-zip.ts';
import { defaultSdkParameters, SDK_LANGUAGES } from '../../platform/aws/sdk-languages.ts';
import { writeZip } from '../support/zip-writer.ts';

describe('readZip', () => {
  it('reads stored and deflated entries, skipping directory entries', () => {
    const big = 'x'.repeat(10_000);
    const entries = readZip(
      writeZip([
        { path: 'sdk/', data: '' },
        { path: 'sdk/a.txt', data: 'stored', method: 'stored' },
        { path: 'sdk/deep/b.js', data: big },
        { path: 'sdk/ünïcode.md', data: 'ok' },
      ]),
    );
    expect(entries.map((e) => [e.path, e.data.toString()])).toEqual([
      ['sdk/a.txt', 'stored'],
      ['sdk/deep/b.js', big],
      ['sdk/ünïcode.md', 'ok'],
    ]);
  });

  it.each([
    [
      'a path that climbs out',
      [{ path: '../outside.js', data: 'x' }],
      'would be written outside the output folder',
    ],
    ['an absolute path', [{ path: '/etc/passwd', data: 'x' }], 'would be written outside the output folder'],
    [
      'a Windows drive path',
      [{ path: 'C:\\evil.js', data: 'x' }],
      'would be written outside the output folder',
    ],
    [
      'a symbolic link',
      [{ path: 'link', data: '/etc/passwd', mode: 0o120777 }],
      'symbolic links are not unpacked',
    ],
  ])('refuses %s', (_, inputs, message) => {
    expect(() => readZip(writeZip(inputs))).toThrow(message);
  });

  it('refuses a damaged entry, something that is not a zip, and an archive over the size limit', () => {
    const zip = writeZip([{ path: 'a.txt', data: 'hello world', method: 'stored' }]);
    const damaged = Buffer.from(zip);
    damaged[30 + 'a.txt'.length] ^= 0xff;
    expect(() => readZip(damaged)).toThrow('a.txt: CRC-32 mismatch; the archive is damaged');
    expect(() => readZip(Buffer.from('PK but not really a zip archive at all'))).toThrow('not a zip archive');
    expect(() => readZip(zip, { maxBytes: 5 })).toThrow('the archive unpacks to more than 5 bytes');
  });
});

describe('defaultSdkParameters', () => {
  const naming = { context: 'catalog-v2', version: '2.1.0', scope: '@shop' };
  it.each([
    ['javascript', {}],
    [
      'java',
      {
        serviceName: 'CatalogV2',
        javaPackageName: 'shop.catalogv2',
        javaGroupId: 'shop',
        javaArtifactId: 'catalog-v2-sdk',
        javaArtifactVersion: '2.1.0',
      },
    ],
    [
      'android',
      {
        groupId: 'shop',
        artifactId: 'catalog-v2-sdk',
        artifactVersion: '2.1.0',
        invokerPackage: 'shop.catalogv2',
      },
    ],
    ['objectivec', { classPrefix: 'CatalogV2' }],
    ['swift', { classPrefix: 'CatalogV2' }],
    ['ruby', { 'service.name': 'CatalogV', 'ruby.gem-name': 'catalog-v2-sdk', 'ruby.gem-version': '2.1.0' }],
  ] as const)('%s', (language, want) => {
    expect(defaultSdkParameters(language, naming)).toEqual(want);
  });

  it('covers every language API Gateway generates', () => {
    expect(SDK_LANGUAGES).toEqual(['javascript', 'java', 'android', 'objectivec', 'swift', 'ruby']);
  });
});
