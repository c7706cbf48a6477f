// The settings dialog's fields as typed, their checks (each error names the field and the
// allowed range) and the conversion to and from the contract's Settings. Pure.
import { MAX_HAR_INLINE_BYTES, type Settings } from '../../../contract/api.js';

export interface SettingsForm {
  bodyStoreLimitMiB: string;
  /** KiB as typed. */
  harInlineKiB: string;
  defaultEngine: Settings['defaultEngine'];
  theme: Settings['theme'];
  /** Shown only: the folder is fixed where browser mode starts, never set from the page. */
  downloadsDir: string;
}

export type FieldErrors = Partial<Record<keyof SettingsForm, string>>;

export const BODY_STORE_MIN_MIB = 16;
export const BODY_STORE_MAX_MIB = 1024 * 1024;
export const HAR_INLINE_MAX_KIB = MAX_HAR_INLINE_BYTES / 1024;

export function formFromSettings(s: Settings): SettingsForm {
  return {
    bodyStoreLimitMiB: String(s.bodyStoreLimitMiB),
    harInlineKiB: kibText(s.harInlineBodyLimitBytes),
    defaultEngine: s.defaultEngine,
    theme: s.theme,
    downloadsDir: s.downloadsDir ?? '',
  };
}

/** Bytes as KiB for an input: whole where it divides, else to the byte (3 decimals). */
export const kibText = (bytes: number): string => (bytes % 1024 === 0 ? String(bytes / 1024) : (bytes / 1024).toFixed(3));

/** A whole number in [min, max], or the message saying what is wrong. */
export function parseWhole(text: string, what: string, min: number, max: number, unit: string): number | { error: string } {
  const t = text.trim();
  if (t === '') return { error: `${what}: enter a number of ${unit}.` };
  if (!/^\d+$/.test(t)) return { error: `${what}: "${t}" is not a whole number of ${unit}.` };
  const n = Number(t);
  if (n < min || n > max) return { error: `${what}: must be between ${min} and ${max} ${unit}, not ${n}.` };
  return n;
}

/** KiB as typed (decimals allowed, to the byte) → bytes within the HAR bound. */
export function parseKiB(text: string, what: string): number | { error: string } {
  const t = text.trim();
  if (t === '') return { error: `${what}: enter a size in KiB (0 keeps every body out).` };
  if (!/^\d+(\.\d+)?$/.test(t)) return { error: `${what}: "${t}" is not a size in KiB.` };
  const bytes = Math.round(Number(t) * 1024);
  if (bytes > MAX_HAR_INLINE_BYTES) return { error: `${what}: at most ${HAR_INLINE_MAX_KIB} KiB (256 MiB), not ${t}.` };
  return bytes;
}

/** What setSettings is sent; the downloads folder never (setSettings refuses it). */
export type SettingsUpdate = Pick<Settings, 'bodyStoreLimitMiB' | 'harInlineBodyLimitBytes' | 'defaultEngine' | 'theme'>;

export function settingsFromForm(f: SettingsForm): { ok: true; settings: SettingsUpdate } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const limit = parseWhole(f.bodyStoreLimitMiB, 'Stored bodies limit', BODY_STORE_MIN_MIB, BODY_STORE_MAX_MIB, 'MiB');
  if (typeof limit !== 'number') errors.bodyStoreLimitMiB = limit.error;
  const har = parseKiB(f.harInlineKiB, 'HAR inline-body limit');
  if (typeof har !== 'number') errors.harInlineKiB = har.error;
  if (Object.keys(errors).length > 0 || typeof limit !== 'number' || typeof har !== 'number') return { ok: false, errors };
  return {
    ok: true,
    settings: { bodyStoreLimitMiB: limit, harInlineBodyLimitBytes: har, defaultEngine: f.defaultEngine, theme: f.theme },
  };
}
