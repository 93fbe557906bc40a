// A duration as a trainee reads it: "42 s", "4 min 12 s", "1 h 5 min" (seconds only under a minute,
// no seconds once it is an hour or more). Whole units, rounded down.

export function formatDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
