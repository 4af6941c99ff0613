/** Checks a plan handed in by a user (or read back from storage) against the published schema. */
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { PlanSchema, frameCount, type ShotPlan } from './plan.js';
import { inputError } from './errors.js';
import { ACTIONS } from './direct/characters/actions.js';

const ACTION_IDS = new Set<string>(ACTIONS.map((a) => a.id));

const checker = TypeCompiler.Compile(PlanSchema);

/** Returns the plan if valid; throws PLAN_INVALID naming the first offending path otherwise. */
export function validatePlan(plan: unknown): ShotPlan {
  if (!checker.Check(plan)) {
    const first = checker.Errors(plan).First();
    const where = first ? `${first.path || '/'}: ${first.message}` : 'unknown error';
    throw inputError('PLAN_INVALID', { detail: where });
  }
  if (frameCount(plan) < 1) throw inputError('PLAN_INVALID', { detail: '/duration: shorter than one frame' });
  // every action a face or a subject performs is a row of the action table
  plan.shots.forEach((shot, s) => {
    const performers = [...shot.characters.map((c, i) => ({ at: `/shots/${s}/characters/${i}`, actions: c.actions })), ...(shot.subjects ?? []).map((x, i) => ({ at: `/shots/${s}/subjects/${i}`, actions: x.actions }))];
    for (const p of performers) {
      p.actions.forEach((a, k) => {
        if (!ACTION_IDS.has(a.type)) throw inputError('PLAN_INVALID', { detail: `${p.at}/actions/${k}/type: '${a.type}' is not an action (one of ${[...ACTION_IDS].join(', ')})` });
      });
    }
  });
  return plan;
}
