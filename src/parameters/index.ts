/** The registry of request parameters (DESIGN.md §3) and what is built from it. */
export { PARAMETERS, parameter, takesParameter } from './table.js';
export type { Parameter, Widget, EngineField, CliSpec } from './types.js';
export { fieldSchema } from './field-schema.js';
export { checkValue, type Checked } from './check-value.js';
export { requestSchema, normalizeRequest, refinementProblem, foldAliases, REGISTRY_MARK } from './request-schema.js';
export { cliOptions, cliHelp } from './cli-options.js';
export { readmeTable, withReadmeTable, README_MARKERS } from './readme-table.js';
export { RELATIONS, brokenRelation, shotSeconds, type Relation } from './relations.js';
