// Time since the session started, as a timeline reads it: +0:00, +1:23, +1:02:03 (whole seconds).

export function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const seconds = Math.floor(Math.abs(ms) / 1000);
  const two = (n: number): string => String(n).padStart(2, '0');
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  return h > 0 ? `${sign}${h}:${two(m)}:${two(s)}` : `${sign}${m}:${two(s)}`;
}
