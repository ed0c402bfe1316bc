/**
 * Resumable runs: each finished step of a notebook (a model's scores, a network's weights, a study's
 * points) is written as one JSON file under a folder; a rerun with the same settings loads the
 * finished steps instead of computing them again (a long step can also save its items as it goes:
 * `savePartial`, `partial`), so that a `full` run (hours on two cores) that stops
 * can go on where it stopped. Typed arrays are stored as base64 of their bytes, so they come back bit
 * for bit; NaN and ±Infinity are kept. `studyCheckpoints` puts a notebook's steps under
 * `reports/<profile>/checkpoints/<notebook>/<settings hash>/`.
 *
 * Moved here from the Z′ study (`lib/zprime/train/checkpoint.ts`, which re-exports it) for the NEWSdm
 * study's resumable `full` run. Used by notebooks 01-newsdm and 05-zprime.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomicSync } from '../io/atomic';
import { projectRoot } from '../paths';
import type { ProfileName } from '../profile';

const TYPED = { Float32Array, Float64Array, Int32Array, Uint8Array } as const;
type TypedName = keyof typeof TYPED;

/** JSON text of a value whose typed arrays (Float32/Float64/Int32/Uint8) and non-finite numbers are kept exactly. */
export function encodeCheckpoint(value: unknown): string {
  return JSON.stringify(value, function (key, v: unknown) {
    const raw = (this as Record<string, unknown>)[key];
    if (typeof v === 'number' && !Number.isFinite(v)) return { $number: String(v) }; // NaN, Infinity, -Infinity
    const name = Object.keys(TYPED).find((n) => raw instanceof TYPED[n as TypedName]);
    if (!name) return v;
    const a = raw as ArrayBufferView;
    return { $typed: name, base64: Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64') };
  });
}

/** The value of `encodeCheckpoint`'s text, typed arrays restored. */
export function decodeCheckpoint<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (!v || typeof v !== 'object') return v;
    if ('$number' in v) return Number((v as { $number: string }).$number);
    if (!('$typed' in v)) return v;
    const { $typed, base64 } = v as { $typed: TypedName; base64: string };
    const Type = TYPED[$typed];
    if (!Type) throw new Error(`checkpoint: unknown typed array "${$typed}"`);
    const bytes = Buffer.from(base64, 'base64');
    const copy = new Uint8Array(bytes.length);
    copy.set(bytes);
    return new Type(copy.buffer, 0, bytes.length / Type.BYTES_PER_ELEMENT);
  }) as T;
}

/** Runs steps, or loads them when a checkpoint of the same step and settings exists. */
export class Checkpoints {
  /** Steps loaded from disk rather than computed, in order. */
  readonly resumed: string[] = [];

  /** @param dir folder of the checkpoints, or null to compute every step and keep nothing */
  constructor(readonly dir: string | null) {}

  /** The file of a step. */
  file(step: string): string {
    if (!this.dir) throw new Error('checkpoints are off');
    if (!/^[\w-]+$/.test(step)) throw new Error(`checkpoint step "${step}": use letters, digits, _ and - only`);
    return path.join(this.dir, `${step}.json`);
  }

  /** The value of `step`: loaded from its checkpoint if there is one, else computed (and saved when checkpoints are on). */
  async run<T>(step: string, compute: () => T | Promise<T>): Promise<T> {
    if (!this.dir) return compute();
    const file = this.file(step);
    if (fs.existsSync(file)) {
      this.resumed.push(step);
      try {
        return decodeCheckpoint<T>(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        throw new Error(`checkpoint ${file}: cannot be read (${(err as Error).message}); delete it to recompute the step`);
      }
    }
    const value = await compute();
    fs.mkdirSync(this.dir, { recursive: true });
    writeFileAtomicSync(file, encodeCheckpoint(value));
    return value;
  }

  /** The items a long step saved as it went (e.g. a search's finished trials), or [] (none yet, or checkpoints off). */
  partial<T>(step: string): T[] {
    if (!this.dir) return [];
    const file = this.file(`${step}-partial`);
    if (!fs.existsSync(file)) return [];
    try {
      const items = decodeCheckpoint<T[]>(fs.readFileSync(file, 'utf8'));
      this.resumed.push(`${step} (${items.length} saved)`);
      return items;
    } catch (err) {
      throw new Error(`checkpoint ${file}: cannot be read (${(err as Error).message}); delete it to recompute the step`);
    }
  }

  /** Saves the items of a long step so far (nothing when checkpoints are off). */
  savePartial<T>(step: string, items: readonly T[]): void {
    if (!this.dir) return;
    fs.mkdirSync(this.dir, { recursive: true });
    writeFileAtomicSync(this.file(`${step}-partial`), encodeCheckpoint(items));
  }
}

/** Short hash of the settings, so that changed settings never resume from another run's steps. */
export function settingsHash(settings: object): string {
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 12);
}

/**
 * The checkpoints of one notebook's run: under `reports/<profile>/checkpoints/<notebook>/<hash of
 * settings and seed>/` when `on`, else none (every step computed, nothing kept).
 */
export function studyCheckpoints(notebook: string, settings: object, profile: ProfileName, seed: number, on: boolean): Checkpoints {
  if (!on) return new Checkpoints(null);
  return new Checkpoints(path.join(projectRoot(), 'reports', profile, 'checkpoints', notebook, settingsHash({ ...settings, seed })));
}

