import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cloneContract } from '../../platform/scaffold/clone-contract.ts';
import { Renamer } from '../../platform/scaffold/renamer.ts';

const root = resolve('tests/scaffold/fixtures');
const source = { name: 'pet-store', contractFile: resolve(root, 'contracts/pet-store/openapi.yaml') };

describe('Renamer', () => {
  const v2 = new Renamer('catalog', 'catalog-v2');
  const other = new Renamer('order-history', 'returns');
  it.each([
    ['operationId', v2.operationId('listProducts'), 'listProductsV2'],
    ['operationId naming the context', v2.operationId('getCatalogStats'), 'getCatalogV2Stats'],
    ['operationId starting with the context', v2.operationId('catalogSearch'), 'catalogV2Search'],
    ['operationId of a two-word context', other.operationId('getOrderHistory'), 'getReturns'],
    ['operationId of an unrelated name', other.operationId('placeOrder'), 'placeOrderReturns'],
    ['kebab tag', v2.tag('products'), 'products-v2'],
    ['tag naming the context', v2.tag('Catalog admin'), 'Catalog V2 admin'],
    ['title', v2.title('Catalog API'), 'Catalog V2 API'],
    ['title of a two-word context', other.title('Order History API'), 'Returns API'],
    ['title not naming the context', v2.title('Shop API'), 'Shop API (catalog-v2)'],
    ['scope naming the context', v2.scope('catalog:write'), 'catalog-v2:write'],
    ['scope of another word that contains it', v2.scope('catalogue:read'), 'catalog-v2:catalogue:read'],
    ['scope not naming the context', v2.scope('admin'), 'catalog-v2:admin'],
    ['local server URL', v2.serverUrl('http://localhost:3000/catalog'), 'http://localhost:3000/catalog-v2'],
  ])('%s', (_, got, want) => {
    expect(got).toBe(want);
  });
});

describe('cloneContract', () => {
  it('copies every file of a split contract and renames what identifies the context, in place', async () => {
    const clone = await cloneContract(root, source, 'pet-store-v2');
    expect(clone.problems).toEqual([]);
    expect(clone.warnings).toEqual([]);
    const files = new Map([...clone.files].map(([file, text]) => [file.slice(root.length + 1), text]));
    expect([...files.keys()].sort()).toEqual([
      'contracts/pet-store-v2/openapi.yaml',
      'contracts/pet-store-v2/paths/pet.json',
      'contracts/pet-store-v2/paths/pets.yaml',
    ]);
    expect(Object.fromEntries(clone.renamed.operationIds)).toEqual({
      listPets: 'listPetsV2',
      createPetStoreEntry: 'createPetStoreV2Entry',
      getPet: 'getPetV2',
    });
    expect(Object.fromEntries(clone.renamed.scopes)).toEqual({
      'pet-store:read': 'pet-store-v2:read',
      'pet-store:write': 'pet-store-v2:write',
      admin: 'pet-store-v2:admin',
    });
    expect(clone.renamed.title).toEqual(['Pet Store API', 'Pet Store V2 API']);

    const entry = parse(files.get('contracts/pet-store-v2/openapi.yaml')!);
    expect(entry.info.description).toBe(
      'Needs `pet-store-v2:read`; writes need `pet-store-v2:write` (see PetStore docs).',
    );
    expect(entry.servers[0].url).toBe('http://localhost:3000/pet-store-v2');
    expect(entry.tags.map((t: { name: string }) => t.name)).toEqual(['pets-v2', 'Pet Store V2 admin']);
    expect(entry['x-tagGroups'][0].tags).toEqual(['pets-v2', 'Pet Store V2 admin']);
    expect(entry.security).toEqual([{ oauth: ['pet-store-v2:read'] }]);
    expect(Object.keys(entry.components.securitySchemes.oauth.flows.clientCredentials.scopes)).toEqual([
      'pet-store-v2:read',
      'pet-store-v2:write',
      'pet-store-v2:admin',
    ]);
    expect(entry.paths['/pets'].$ref).toBe('./paths/pets.yaml');

    const pets = files.get('contracts/pet-store-v2/paths/pets.yaml')!;
    // Comments and flow sequences stay as written; the mark goes right after the operationId.
    expect(pets).toContain(
      '  operationId: listPetsV2   # the list\n  x-charter-unimplemented: true\n  tags: [pets-v2]\n',
    );
    const parsedPets = parse(pets);
    expect(parsedPets.get.responses['200'].links.first.operationId).toBe('getPetV2');
    expect(parsedPets.post.security).toEqual([{ oauth: ['pet-store-v2:write', 'pet-store-v2:admin'] }]);
    expect(parsedPets.post['x-charter-unimplemented']).toBe(true);

    const pet = JSON.parse(files.get('contracts/pet-store-v2/paths/pet.json')!);
    expect(pet.item.get).toMatchObject({
      operationId: 'getPetV2',
      'x-charter-unimplemented': true,
      tags: ['pets-v2'],
    });
  });
});
