import { describe, expect, it } from 'vitest';
import { SettingsSchema } from '../../../contract/api.js';
import { formFromSettings, parseKiB, settingsFromForm } from './settings-form.js';

const defaults = SettingsSchema.parse({});

describe('settings form', () => {
  it('round-trips the settings through the form', () => {
    const s = { ...defaults, bodyStoreLimitMiB: 64, harInlineBodyLimitBytes: 1536, theme: 'dark' as const, downloadsDir: '/tmp/dl' };
    const f = formFromSettings(s);
    expect(f.harInlineKiB).toBe('1.500');
    expect(f.downloadsDir).toBe('/tmp/dl');
    // The downloads folder is shown, never sent: it is fixed where the server starts.
    expect(settingsFromForm({ ...f, downloadsDir: '/home/u/.config/autostart' })).toEqual({
      ok: true,
      settings: { bodyStoreLimitMiB: 64, harInlineBodyLimitBytes: 1536, defaultEngine: 'auto', theme: 'dark' },
    });
  });

  it('names each bad field with the allowed range', () => {
    const r = settingsFromForm({ ...formFromSettings(defaults), bodyStoreLimitMiB: '8', harInlineKiB: 'lots' });
    expect(r).toEqual({
      ok: false,
      errors: {
        bodyStoreLimitMiB: 'Stored bodies limit: must be between 16 and 1048576 MiB, not 8.',
        harInlineKiB: 'HAR inline-body limit: "lots" is not a size in KiB.',
      },
    });
    const r2 = settingsFromForm({ ...formFromSettings(defaults), bodyStoreLimitMiB: '1.5' });
    expect(r2.ok || r2.errors.bodyStoreLimitMiB).toMatch(/not a whole number/);
  });

  it('bounds the inline limit at 256 MiB; 0 is allowed', () => {
    expect(parseKiB('0', 'x')).toBe(0);
    expect(parseKiB('262144', 'x')).toBe(256 * 1024 * 1024);
    expect(parseKiB('262145', 'x')).toEqual({ error: 'x: at most 262144 KiB (256 MiB), not 262145.' });
    expect(parseKiB('', 'x')).toMatchObject({ error: expect.stringMatching(/enter a size/) });
  });
});
