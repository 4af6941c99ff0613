/** What the Playground reads from the API (only the fields it uses; see src/api and src/engine/plan.ts). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  'x-rule'?: string;
  /** the Playground widget the parameter registry names */
  'x-widget'?: string;
  [key: string]: unknown;
}

export interface ModelInfo {
  id: string;
  name?: string;
  description?: string;
  resolution?: string;
  schema: JsonSchema;
}

export interface Prediction {
  id: string;
  model: string;
  status: 'created' | 'queued' | 'processing' | 'completed' | 'failed' | 'cancelled' | string;
  outputs: string[];
  error: string;
  created_at: string;
  progress?: number;
  poster?: string | null;
  plan?: ShotPlan;
  input?: Record<string, unknown>;
  timings?: { inference?: number };
}

export interface CameraKey { t: number; zoom: number; pan: number; tilt: number }
export interface ShotPlan {
  seed: number;
  duration: number;
  width: number;
  height: number;
  prompt: string;
  cfg_scale: number;
  scene: { tags: string[]; faces: number; layers?: { count: number; subject: boolean; planes?: number } };
  shots: Array<{
    start: number;
    end: number;
    camera: { moves: string[]; speed: string; easing: string; keys: CameraKey[]; shake: { amplitude: number } };
    effects: Array<{ type: string; intensity: number; start: number; end: number; fade_in: number; region: string; events: number[] }>;
    characters: Array<{ face: number; actions: Array<{ type: string; start: number; end: number }>; idle?: number }>;
    /** living subjects without a face rig (animals, people whose face was not found) */
    subjects?: Array<{ kind: 'person' | 'animal'; name: string; idle: number; actions: Array<{ type: string; start: number; end: number }> }>;
  }>;
  audio: {
    enabled: boolean;
    reverb: string;
    beds: Array<{ type: string; gain_db: number; start: number; end: number }>;
    events: Array<{ type: string; t: number; gain_db: number }>;
    music: { mood: string; style: string; bpm: number; key: string; source?: 'score' | 'radio' | 'record' } | null;
    dialogue: Array<{ speaker: string; voice: string; text: string; start: number; end: number; style: string }>;
  };
  notes: string[];
}
