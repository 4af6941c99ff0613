/** Checks a plan handed in by a user (or read back from storage) against the published schema. */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { PlanSchema, frameCount, type ShotPlan } from './plan.js';
import { inputError } from './errors.js';

const checker = TypeCompiler.Compile(PlanSchema);

/** Returns the plan if valid; throws PLAN_INVALID naming the first offending path otherwise. */
export function validatePlan(plan: unknown): ShotPlan {
  if (!checker.Check(plan)) {
    const first = checker.Errors(plan).First();
    const where = first ? `${first.path || '/'}: ${first.message}` : 'unknown error';
    throw inputError('PLAN_INVALID', { detail: where });
  }
  if (frameCount(plan) < 1) throw inputError('PLAN_INVALID', { detail: '/duration: shorter than one frame' });
  return plan;
}
