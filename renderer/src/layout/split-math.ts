// The arithmetic of a split pane, pure: a size clamped between its minimum and what leaves
// the other side its minimum, and the size a separator's key press asks for.

export interface Bounds {
  /** The size of the whole split along its axis, px. */
  total: number;
  /** The smallest the first pane may be, px. */
  minFirst: number;
  /** The smallest the second pane may be, px. */
  minSecond: number;
}

/** `size` kept between the first pane's minimum and the most that leaves the second its own;
 * when the split is too small for both minimums, the first pane gets what there is. */
export function clampSize(size: number, b: Bounds): number {
  const max = Math.max(0, b.total - b.minSecond);
  const min = Math.min(b.minFirst, max);
  return Math.round(Math.min(max, Math.max(min, size)));
}

export const KEY_STEP = 16;
export const KEY_STEP_LARGE = 64;

/** The size after a key on a focused separator (ArrowLeft/Up shrink the first pane,
 * ArrowRight/Down grow it, Home/End go to either limit), or undefined for any other key. */
export function sizeForKey(key: string, shift: boolean, size: number, b: Bounds): number | undefined {
  const step = shift ? KEY_STEP_LARGE : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return clampSize(size - step, b);
    case 'ArrowRight':
    case 'ArrowDown':
      return clampSize(size + step, b);
    case 'Home':
      return clampSize(0, b);
    case 'End':
      return clampSize(b.total, b);
    default:
      return undefined;
  }
}

/** A stored size as a fraction of the split (so a resized window keeps the proportions). */
export const fractionOf = (size: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, size / total)) : 0);
