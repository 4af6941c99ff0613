/**
 * One registry, every surface: the OpenAPI document of the real server, `moviola generate --help`
 * of the real binary, the Playground's form (built from GET /api/v3/models) and the README list the
 * same parameters with the same ranges and defaults — the registry's.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { api, startTestService, type TestService } from '../helpers/service.js';
import { PARAMETERS, readmeTable, takesParameter, type Parameter } from '../../src/parameters/index.js';
import { formFieldNames, kindOf, literalsOf } from '../../web/src/schema-form.js';
import type { JsonSchema } from '../../web/src/types.js';

const BIN = fileURLToPath(new URL('../../bin/moviola.js', import.meta.url));
let svc: TestService;
before(async () => { svc = await startTestService(); });
after(async () => { await svc.close(); });

/** what a surface must show of a row: its range, its literals and its default */
function facts(schema: JsonSchema) {
  return { minimum: schema.minimum, maximum: schema.maximum, minLength: schema.minLength, maxLength: schema.maxLength, maxItems: schema.maxItems, literals: literalsOf(schema), default: schema.default, rule: schema['x-rule'] };
}
const registryFacts = (row: Parameter) => facts({ ...(JSON.parse(JSON.stringify(row.schema)) as JsonSchema), 'x-rule': row.rule });

test('OpenAPI and GET /api/v3/models: each model takes exactly its registry rows, with their ranges and defaults', async () => {
  const openapi = (await fetch(`${svc.url}/openapi.json`).then((r) => r.json())) as { paths: Record<string, { post?: { requestBody: { content: Record<string, { schema: JsonSchema }> } } }> };
  const models = await api(svc.url, svc.key, 'GET', '/api/v3/models');
  assert.ok(models.body.data.length >= 2);
  for (const model of models.body.data as Array<{ id: string; input_schema: JsonSchema }>) {
    const documented = openapi.paths[`/api/v3/${model.id}`]!.post!.requestBody.content['application/json']!.schema;
    const rows = PARAMETERS.filter((row) => takesParameter(row, model.id));
    for (const schema of [documented, model.input_schema]) {
      assert.deepEqual(Object.keys(schema.properties!).sort(), rows.map((r) => r.name).sort(), model.id);
      assert.deepEqual((schema.required ?? []).slice().sort(), rows.filter((r) => r.required).map((r) => r.name).sort());
      for (const row of rows) assert.deepEqual(facts(schema.properties![row.name]!), registryFacts(row), `${model.id} ${row.name}`);
    }
  }
});

test('the Playground form shows the registry rows that are not hidden, each with its widget, range and default', async () => {
  const models = await api(svc.url, svc.key, 'GET', '/api/v3/models');
  for (const model of models.body.data as Array<{ id: string; input_schema: JsonSchema }>) {
    const rows = PARAMETERS.filter((row) => takesParameter(row, model.id) && row.widget !== 'hidden');
    assert.deepEqual(formFieldNames(model.input_schema), rows.map((r) => r.name), model.id);
    for (const row of rows) {
      const schema = model.input_schema.properties![row.name]!;
      assert.equal(kindOf(schema, row.name), row.widget, row.name);
      assert.deepEqual(facts(schema), registryFacts(row), row.name);
    }
  }
});

test('moviola generate --help lists every CLI row with its rule and its default', async () => {
  const help = await new Promise<string>((resolve, reject) => execFile(process.execPath, [BIN, 'generate', '--help'], { timeout: 60_000 }, (error, stdout) => (error ? reject(error) : resolve(stdout))));
  const flat = help.replace(/\s+/g, ' ');
  const rows = PARAMETERS.filter((row) => row.cli);
  assert.ok(rows.length >= 8);
  for (const row of rows) {
    const at = flat.indexOf(` ${row.cli!.flags} `);
    assert.ok(at >= 0, `--help lists ${row.cli!.flags}`);
    const next = rows.map((r) => flat.indexOf(` ${r.cli!.flags} `)).filter((i) => i > at).sort((a, b) => a - b)[0] ?? flat.length;
    const entry = flat.slice(at, next);
    if (!row.cli!.flags.startsWith('--no-')) assert.ok(entry.includes(`(${row.rule})`), `${row.name}: the rule in ${entry}`);
    const fallback = (row.schema as { default?: unknown }).default;
    if (fallback !== undefined && !row.cli!.flags.startsWith('--no-')) {
      const shown = JSON.stringify(row.normalize ? row.normalize(fallback) : fallback);
      assert.ok(entry.includes(`(default: ${shown})`), `${row.name}: default ${shown} in ${entry}`);
    }
  }
});

test('the README table is the registry\'s (npm run docs:parameters rewrites it)', async () => {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  assert.ok(readme.includes(readmeTable()), 'README.md is out of date: run npm run docs:parameters');
  for (const row of PARAMETERS) assert.ok(readme.includes(`| \`${row.name}\` |`), row.name);
});
