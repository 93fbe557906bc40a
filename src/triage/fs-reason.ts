// Why a path could not be read, in a few words.
export function fsReason(error: unknown): string {
  const code = (error as {code?: unknown} | null)?.code;
  if (code === 'ENOENT') return 'not found';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
