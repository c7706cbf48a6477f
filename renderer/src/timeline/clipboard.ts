// Copying to the clipboard. navigator.clipboard needs a secure context, focus and (in some
// shells) a permission; when any is missing the caller shows the text to copy by hand.
export async function copyText(text: string): Promise<boolean> {
  try {
    if (typeof navigator === 'undefined' || !navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
