/**
 * How far a move that travels (a crane, a truck, an orbit) may hide the picture's edges by
 * zooming in (overscan.ts) before it stops reading as the move asked: up to OVERSCAN_BUDGET the
 * zoom passes unnoticed; past it, it dominates (a dramatic crane up on a fruit bowl rendered as
 * one sheet was a 1.42× soft zoom, the rise hardly seen). A budget of about a tenth: with 1.2 a
 * crane over a bridge or a porch (10 % of the height at the nearest depth, a 5 s crane or a dramatic
 * 1.5 s one) still read as a 1.3–1.5× zoom, the lens pushing the top of the picture up as the camera
 * rose. Past the budget the camera looks beyond the picture instead, and what it sees there is
 * outpainted (setup/outpaint.ts, as for a pull-out): the margin is what the budget's zoom cannot
 * hide (issue #11: "truck/orbit past the overscan"); where the edge cannot be continued, the
 * director limits the move and says so (direct/picture/camera/limit-reveal.ts).
 * A pan or a tilt turns the camera rather than moving it, and keeps to the zoom.
 *
 * With zoom k, a border point whose source lies `reach` px from the picture's centre at zoom 1
 * (its lens part `half`, the rest the move's offset) lies reach − half·(1 − 1/k) px from it.
 *
 * @example marginPastOverscan(400, 269.5) // → 106 px beyond a 540 px tall picture (a 1.11× zoom hides 27 of the 131 it looks past)
 */
export const OVERSCAN_BUDGET = 1.11;

/** The margin (px, each side) beyond a picture `2·half` px long that a path reaching `reach` px from its centre needs: 0 when the budget's zoom hides it. */
export function marginPastOverscan(reach: number, half: number): number {
  const past = reach - half - half * (1 - 1 / OVERSCAN_BUDGET);
  return past > 0 ? Math.ceil(past) + 2 : 0;
}

/** A path's keys as the renderer frames them at the budget's full zoom: what a travel still shows beyond the picture is what these keys reveal. */
export function atBudgetZoom<K extends { zoom: number }>(keys: readonly K[]): K[] {
  return keys.map((key) => ({ ...key, zoom: key.zoom * OVERSCAN_BUDGET }));
}

/** Whether a camera path moves the camera (truck, pedestal) rather than only turning or zooming it. */
export function travels(keys: ReadonlyArray<{ truck: number; pedestal: number }>): boolean {
  return keys.some((k) => k.truck !== 0 || k.pedestal !== 0);
}
