// A path under the home directory written from ~ (what a user types), so that it fits a status line.

export function homeRelative(path: string, home: string): string {
  if (home === '' || home === '/' || !path.startsWith(home)) return path;
  const rest = path.slice(home.length);
  return rest.startsWith('/') || rest.startsWith('\\') ? `~${rest}` : path;
}
