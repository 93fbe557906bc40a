// The version shown by --version and written into JSON output (kept equal to package.json by a test).
export const version = '0.1.0';
