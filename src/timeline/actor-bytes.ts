// The byte search that makes the actor's timeline over files fast: a record can be the actor's only
// if its bytes hold the access key ID, the ARN (or the principal ID) as JSON writes them, so every
// other record is passed over unparsed. Each chunk of a file is searched once (memmem), and a record
// cut from it is a candidate when a hit falls inside it. JSON may spell a character another way (\/
// for /, any character as \uXXXX): a record holding either escape is parsed too, so the search never
// drops a record that matches. Pure (Buffer only).

/** Backslash-u and backslash-slash: the only ways another writer can spell an actor's value differently (JSON.stringify's own escapes are in the needles). */
const escapes = ['\\u', '\\/'];

export interface ActorBytesTest {
  chunk(bytes: Buffer): void;
  /** The record is bytes[start, end): a view of the last chunk, or a copy when it spanned chunks. */
  mayMatch(bytes: Buffer, start: number, end: number): boolean;
}

/** @param needles the values as JSON.stringify writes them, without quotes (actorNeedles) */
export function actorBytesTest(needles: readonly string[]): ActorBytesTest {
  const patterns = [...new Set([...needles, ...escapes])].filter((n) => n !== '').map((n) => Buffer.from(n, 'utf8'));
  let current: Buffer = Buffer.alloc(0);
  /** Where a pattern starts in the current chunk, ascending. */
  let hits: number[] = [];
  /** The first hit not before the last record asked about (records come in order). */
  let next = 0;
  let lastOffset = 0;
  const inRecord = (record: Buffer): boolean => patterns.some((pattern) => record.indexOf(pattern) !== -1);
  return {
    chunk(bytes) {
      current = bytes;
      hits = [];
      next = 0;
      lastOffset = 0;
      for (const pattern of patterns) {
        for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1)) hits.push(at);
      }
      if (patterns.length > 1) hits.sort((a, b) => a - b);
    },
    mayMatch(bytes, start, end) {
      const offset = bytes.byteOffset - current.byteOffset + start;
      const length = end - start;
      const isView = bytes.buffer === current.buffer && offset >= 0 && offset + length <= current.length;
      // A record that spanned chunks is a copy: search its own bytes.
      if (!isView) return inRecord(bytes.subarray(start, end));
      // Records are asked about in order; one asked out of order starts the walk over.
      if (offset < lastOffset) next = 0;
      lastOffset = offset;
      while (next < hits.length && (hits[next] as number) < offset) next++;
      const hit = hits[next];
      return hit !== undefined && hit < offset + length;
    },
  };
}
