import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CAMERA_MOVES, type CameraMove } from '../../../../src/engine/plan.js';
import { makeScene } from '../../../helpers/synthetic-scene.js';
import { lastKey, scaleAt, shotFor } from './shot.js';

const PHRASINGS: Record<CameraMove, string[]> = {
  static: ['static shot of the harbour', 'locked-off camera', 'still camera, nothing moves', 'on a tripod', "the camera doesn't move", 'no camera movement'],
  push_in: ['slow push-in', 'the camera dollies in', 'zoom in on the boat', 'move closer to the house', 'a slow zoom', 'camera pushes in', 'crash zoom on her eyes'],
  pull_out: ['pull out to reveal the valley', 'pull back', 'dolly out', 'zoom out', 'a slow reveal', 'slow zoom out from the galaxy revealing more stars'],
  pan_left: ['pan left', 'the camera pans to the left', 'panning left across the bay'],
  pan_right: ['pan right', 'camera pans right', 'slowly panning to the right'],
  tilt_up: ['tilt up', 'the camera tilts up to the sky', 'tilting upward'],
  tilt_down: ['tilt down', 'camera tilts down to the water', 'tilting downwards'],
  truck_left: ['truck left', 'track left', 'slide left', 'camera moves left', 'the camera is moving left', 'tracking left past the trees'],
  truck_right: ['truck right', 'track right', 'slide right', 'camera moves right'],
  orbit_left: ['orbit left', 'arc left around the tower', 'orbit to the left'],
  orbit_right: ['orbit right', 'arc right', 'circle around to the right'],
  crane_up: ['crane up', 'pedestal up', 'boom up', 'the camera rises'],
  crane_down: ['crane down', 'pedestal down', 'boom down', 'the camera descends'],
  handheld: ['handheld', 'shaky cam', 'documentary style', 'hand-held camera'],
  drone: ['drone shot', 'aerial view', 'fly-over', 'flyover of the coast', "bird's-eye view"],
  dolly_zoom: ['dolly zoom', 'vertigo effect', 'zolly'],
  rack_focus: ['rack focus', 'focus pull', 'pull focus to the background'],
  whip_pan_left: ['whip pan left', 'a whip pan to the left'],
  whip_pan_right: ['whip pan right', 'swish pan right'],
  roll_clockwise: ['camera roll clockwise', 'the camera rolls clockwise', 'the camera rotates clockwise', 'the camera slowly rotates clockwise through the star field'],
  roll_counterclockwise: ['roll counterclockwise', 'camera rolls anticlockwise', 'the camera rotates counterclockwise'],
};

test('every camera move is recognised from several phrasings', () => {
  for (const move of CAMERA_MOVES) {
    for (const prompt of PHRASINGS[move]) {
      const { shot } = shotFor(prompt);
      assert.deepEqual(shot.camera.moves, [move], `"${prompt}" → ${shot.camera.moves.join(',')}`);
    }
  }
});

test('the key at t = 0 is the identity pose for every move, and the path ends at the duration', () => {
  for (const move of CAMERA_MOVES) {
    for (const duration of [5, 10]) {
      const { shot } = shotFor(PHRASINGS[move][0]!, { duration });
      const first = shot.camera.keys[0]!;
      assert.equal(first.t, 0);
      assert.deepEqual(
        { zoom: first.zoom, pan: first.pan, tilt: first.tilt, roll: first.roll, truck: first.truck, pedestal: first.pedestal, dolly: first.dolly, aperture: first.aperture },
        { zoom: 1, pan: 0, tilt: 0, roll: 0, truck: 0, pedestal: 0, dolly: 0, aperture: 0 }, move);
      assert.equal(lastKey(shot).t, duration, move);
      for (let i = 1; i < shot.camera.keys.length; i++) assert.ok(shot.camera.keys[i]!.t > shot.camera.keys[i - 1]!.t, `${move}: keys in time order`);
    }
  }
});

test('pan and tilt follow the film-set convention (named for the camera, content moves the other way)', () => {
  // plan.ts: pan + turns right (content slides left); tilt + tilts up (content slides down)
  assert.ok(lastKey(shotFor('pan left').shot).pan < 0);
  assert.ok(lastKey(shotFor('pan right').shot).pan > 0);
  assert.ok(lastKey(shotFor('tilt up').shot).tilt > 0);
  assert.ok(lastKey(shotFor('tilt down').shot).tilt < 0);
  assert.ok(lastKey(shotFor('truck left').shot).truck < 0);
  assert.ok(lastKey(shotFor('truck right').shot).truck > 0);
  assert.ok(lastKey(shotFor('crane up').shot).pedestal > 0);
  assert.ok(lastKey(shotFor('crane down').shot).pedestal < 0);
  assert.ok(lastKey(shotFor('whip pan left').shot).pan < 0);
  assert.ok(lastKey(shotFor('whip pan right').shot).pan > 0);
});

test('magnitudes are cinematic: a push-in ends near 1.2×, a 5 s pan moves 8–15 % of the frame', () => {
  const scene = makeScene({ depth: 'subject', tags: ['portrait'] });
  const push = lastKey(shotFor('push in', { scene }).shot);
  const onSubject = scaleAt(push, 0.85);
  assert.ok(onSubject >= 1.15 && onSubject <= 1.25, `push-in subject scale ${onSubject}`);
  assert.ok(push.dolly > 0 && push.zoom > 1, 'both a dolly part and a lens part');
  const pan = Math.abs(lastKey(shotFor('pan right').shot).pan);
  assert.ok(pan >= 0.08 && pan <= 0.15, `pan ${pan}`);
  // a 10 s clip covers more ground, but not twice the speed
  const pan10 = Math.abs(lastKey(shotFor('pan right', { duration: 10 }).shot).pan);
  assert.ok(pan10 > pan && pan10 < 2 * pan, `10 s pan ${pan10} vs 5 s ${pan}`);
});

test('speed words change the magnitude in the right direction', () => {
  const size = (prompt: string) => {
    const k = lastKey(shotFor(prompt).shot);
    return Math.abs(k.pan) + Math.abs(k.tilt) + Math.abs(k.truck) + Math.abs(k.pedestal) + Math.abs(k.dolly) + Math.abs(k.zoom - 1);
  };
  for (const move of ['pan left', 'push in', 'tilt up', 'truck right', 'crane up', 'orbit left', 'drone shot', 'pull out']) {
    const subtle = size(`subtle ${move}`), slow = size(`slow ${move}`), normal = size(move), fast = size(`fast ${move}`), dramatic = size(`dramatic ${move}`);
    // a pull-out past what synthesis can invent beyond the frame is limited to it, with a note
    // (limit-reveal.ts): there the strongest words reach the same limit
    const limited = move === 'pull out' && shotFor(`dramatic ${move}`).notes.some((n) => n.startsWith('camera: pull out limited to'));
    const top = limited ? normal <= fast * 1.01 && fast <= dramatic * 1.01 : normal < fast && fast < dramatic;
    assert.ok(subtle < slow && slow < normal && top, `${move}: ${[subtle, slow, normal, fast, dramatic].join(' < ')}`);
  }
  assert.equal(shotFor('slowly pan left').shot.camera.speed, 'slow');
  assert.equal(shotFor('quick pan left').shot.camera.speed, 'fast');
  assert.equal(shotFor('rapid zoom in').shot.camera.speed, 'fast');
  assert.equal(shotFor('a slight tilt up').shot.camera.speed, 'subtle');
  assert.equal(shotFor('gentle truck left').shot.camera.speed, 'slow');
  assert.equal(shotFor('dynamic orbit right').shot.camera.speed, 'dramatic');
  // handheld: faster words shake harder
  assert.ok(shotFor('subtle handheld').shot.camera.shake.amplitude < shotFor('dramatic handheld').shot.camera.shake.amplitude);
  // the shake is the hand's: as large and as quick in a 1.5 s clip as in a 5 s one (a push-in's
  // travel shrinks with the clip; a shake that did was 0.49× as large at 1.5 s: 1.2 px at 640 px)
  const short = shotFor('handheld camera', { duration: 1.5 }).shot.camera.shake, long = shotFor('handheld camera', { duration: 5 }).shot.camera.shake;
  assert.ok(short.amplitude >= 0.95 * long.amplitude && short.frequency >= 0.95 * long.frequency, `1.5 s: ${JSON.stringify(short)}, 5 s: ${JSON.stringify(long)}`);
});

test('cfg_scale scales asked-for moves: 0 → ~0.6×, 0.5 → 1×, 1 → ~1.4×', () => {
  const pan = (cfgScale: number) => Math.abs(lastKey(shotFor('pan right', { cfgScale }).shot).pan);
  assert.ok(Math.abs(pan(0) / pan(0.5) - 0.6) < 0.05);
  assert.ok(Math.abs(pan(1) / pan(0.5) - 1.4) < 0.05);
});

test('combined moves sum; each takes the speed word of its own clause', () => {
  const { shot } = shotFor('slow push-in with a slight pan right');
  assert.deepEqual(shot.camera.moves, ['push_in', 'pan_right']);
  assert.equal(shot.camera.speed, 'slow');
  const k = lastKey(shot);
  assert.ok(k.zoom > 1 && k.dolly > 0);
  const alone = lastKey(shotFor('slight pan right').shot).pan;
  assert.ok(Math.abs(k.pan - alone) < 0.02, `the pan part (${k.pan}) is the slight pan (${alone}) plus the push-in's aim`);
  assert.ok(k.pan < lastKey(shotFor('pan right').shot).pan, 'slight pan is smaller than a normal one');
});

test('contradictory moves keep the first and note the other', () => {
  const { shot, notes } = shotFor('pan left, then pan right');
  assert.deepEqual(shot.camera.moves, ['pan_left']);
  assert.ok(notes.some((n) => /pan right/.test(n) && /contradicts/.test(n)), notes.join('\n'));
  const inOut = shotFor('zoom in and pull back');
  assert.deepEqual(inOut.shot.camera.moves, ['push_in']);
  assert.ok(inOut.notes.some((n) => /contradicts/.test(n)));
  const still = shotFor('static camera with a slow pan left');
  assert.deepEqual(still.shot.camera.moves, ['static']);
  assert.ok(lastKey(still.shot).pan === 0);
});

test('two words for one undirected move ask for it once: "360 orbit around her" is one orbit, with no contradiction', () => {
  for (const prompt of ['360 orbit around the woman', 'the camera slowly circles the cat', 'orbiting shot, the camera circles the statue']) {
    const { shot, notes } = shotFor(prompt);
    assert.equal(shot.camera.moves.length, 1, prompt);
    assert.match(shot.camera.moves[0]!, /^orbit_/, prompt);
    assert.ok(!notes.some((n) => /contradicts/.test(n)), `${prompt}: ${notes.join(' | ')}`);
  }
});

test('"static" or "drone" that is a sound asks for no camera: "radio static crackles" keeps the picture\'s own move', () => {
  for (const prompt of ['the astronaut looks around, radio static crackles', 'tv static hisses in the dark room', 'a burst of static noise, slow pan left', 'he waves at the camera, static radio noise']) {
    const { shot } = shotFor(prompt);
    assert.ok(!shot.camera.moves.includes('static'), `"${prompt}" → ${shot.camera.moves.join(',')}`);
  }
  assert.deepEqual(shotFor('static shot, radio chatter').shot.camera.moves, ['static']);
  // and a drone that is heard: "an eerie ambient drone" is music, not a drone shot
  assert.deepEqual(shotFor('heavy fog rolls in, eerie ambient drone, slow push in').shot.camera.moves, ['push_in']);
  assert.deepEqual(shotFor('drone shot over the coast, ambient music').shot.camera.moves, ['drone']);
});

test('orbit: truck plus an opposite pan, so content at the subject nearness stays put', () => {
  const scene = makeScene({ depth: 'subject', tags: ['product'] });
  for (const prompt of ['orbit left', 'orbit right']) {
    const k = lastKey(shotFor(prompt, { scene }).shot);
    assert.ok(k.truck !== 0 && Math.sign(k.pan) === -Math.sign(k.truck));
    // content slides by truck·n + pan: zero at the subject (0.85), not at the background (0.2)
    assert.ok(Math.abs(k.truck * 0.85 + k.pan) < 1e-3, `${prompt}: subject shift ${k.truck * 0.85 + k.pan}`);
    assert.ok(Math.abs(k.truck * 0.2 + k.pan) > 0.03);
  }
  // "orbit around" picks a side
  const around = shotFor('orbit around the vase', { scene }).shot.camera.moves;
  assert.equal(around.length, 1);
  assert.ok(around[0] === 'orbit_left' || around[0] === 'orbit_right');
});

test('dolly zoom keeps the subject size while the background changes', () => {
  const scene = makeScene({ depth: 'subject', tags: ['portrait'] });
  const k = lastKey(shotFor('vertigo effect', { scene }).shot);
  assert.ok(k.dolly > 0 && k.zoom < 1);
  assert.ok(Math.abs(scaleAt(k, 0.85) - 1) < 0.01, `subject scale ${scaleAt(k, 0.85)}`);
  assert.ok(scaleAt(k, 0.2) < 0.9, `background scale ${scaleAt(k, 0.2)}`);
});

test('rack focus moves the focal plane between subject and background, opening the aperture after frame 0', () => {
  const scene = makeScene({ depth: 'subject', tags: ['portrait'] });
  const forward = shotFor('rack focus', { scene }).shot.camera;
  assert.equal(forward.keys[0]!.aperture, 0);
  const mid = forward.keys.find((k) => k.aperture > 0)!;
  assert.ok(Math.abs(mid.focus - 0.85) < 0.02, `starts on the subject, got ${mid.focus}`);
  assert.ok(forward.keys.at(-1)!.focus < 0.3 && forward.keys.at(-1)!.aperture > 0);
  const reverse = shotFor('rack focus from the background to the foreground', { scene }).shot.camera;
  assert.ok(reverse.keys.find((k) => k.aperture > 0)!.focus < 0.3);
  assert.ok(Math.abs(reverse.keys.at(-1)!.focus - 0.85) < 0.02);
});

test('whip pan: a fast, hard-eased turn in the middle of the clip with motion blur', () => {
  const cam = shotFor('whip pan right').shot.camera;
  assert.ok(cam.motion_blur > 0);
  const moving = cam.keys.filter((k, i) => i > 0 && k.pan !== cam.keys[i - 1]!.pan);
  assert.equal(moving.length, 1, 'one segment does all the turning');
  const end = moving[0]!, startIndex = cam.keys.indexOf(end) - 1, start = cam.keys[startIndex]!;
  assert.ok(end.t - start.t <= 0.5, `turns within half a second (${end.t - start.t})`);
  assert.ok(start.t > 1.5 && end.t < 3.5, 'in the middle of a 5 s clip');
  assert.equal(start.ease, 'ease_in_out');
  assert.equal(shotFor('pan right').shot.camera.motion_blur, 0);
});

test('handheld shakes; drone flies forward tipping down; crane up tilts down to keep the subject', () => {
  const hand = shotFor('handheld').shot.camera;
  assert.ok(hand.shake.amplitude > 0 && hand.shake.frequency > 0);
  assert.equal(shotFor('tripod').shot.camera.shake.amplitude, 0);
  const drone = lastKey(shotFor('drone shot').shot);
  assert.ok(drone.dolly > 0 && drone.tilt < 0);
  const crane = lastKey(shotFor('crane up').shot);
  assert.ok(crane.pedestal > 0 && crane.tilt <= 0);
});

test('push-in aims at the subject: an off-centre subject stays where it is while the frame grows', () => {
  const scene = makeScene({ depth: 'subject', tags: ['portrait'], subject: { x: 0.6, y: 0.2, w: 0.3, h: 0.3 } });
  const k = lastKey(shotFor('push in', { scene }).shot);
  assert.ok(k.pan > 0, 'subject right of centre: turn right');
  assert.ok(k.tilt > 0, 'subject above centre: tilt up');
  // the renderer shifts by pan/tilt, then scales about the centre: the subject's centre stays put
  const s = scaleAt(k, 0.85);
  assert.ok(Math.abs(s * (0.25 - k.pan) - 0.25) < 0.005, `x drift ${s * (0.25 - k.pan) - 0.25}`);
  assert.ok(Math.abs(s * (-0.15 + k.tilt) + 0.15) < 0.005, `y drift ${s * (-0.15 + k.tilt) + 0.15}`);
});
