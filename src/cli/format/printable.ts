/**
 * Dataset text (ids, paths) printed to a terminal or a CSV file with its control characters
 * shown as escapes, so a hostile id cannot move the cursor or clear the screen.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
