import {
  MaxHeaderSizeExceededError,
  MaxPartsExceededError,
  MultipartParseError,
  MultipartPart,
} from "@remix-run/multipart-parser";

// @remix-run/multipart-parser 0.16 yields a part only after collecting all of its bytes, which
// would hold a whole 100 MB clip in memory. This reader finds the boundaries itself and hands
// out each part's body as it arrives. The library still parses the part headers and provides
// the error types.

export interface MultipartStreamLimits {
  /** Bytes allowed in one part's header block. */
  maxHeaderSize: number;
  maxParts: number;
}

export interface StreamedPart {
  name: string | undefined;
  filename: string | undefined;
  mediaType: string | undefined;
  /** The part's content, piece by piece. Whatever the consumer leaves unread is skipped. */
  body: AsyncIterable<Uint8Array>;
}

const encoder = new TextEncoder();
const CRLF = encoder.encode("\r\n");
const HEADER_END = encoder.encode("\r\n\r\n");
const DASH = 0x2d;

/** Position of `needle` in `haystack`, or -1. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  const first = needle[0] as number;
  const last = haystack.length - needle.length;
  for (let i = haystack.indexOf(first); i !== -1 && i <= last; i = haystack.indexOf(first, i + 1)) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}

/** Pull-based access to a byte stream with a small look-ahead buffer. */
class ByteReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #pending: Uint8Array = new Uint8Array(0);

  constructor(stream: ReadableStream<Uint8Array>, prefix: Uint8Array) {
    this.#reader = stream.getReader();
    this.#pending = prefix;
  }

  async #pull(): Promise<void> {
    const { done, value } = await this.#reader.read();
    if (done) throw new MultipartParseError("The multipart body ended before its closing boundary");
    this.#pending = this.#pending.length === 0 ? value : concat(this.#pending, value);
  }

  async readExact(length: number): Promise<Uint8Array> {
    while (this.#pending.length < length) await this.#pull();
    const bytes = this.#pending.subarray(0, length);
    this.#pending = this.#pending.subarray(length);
    return bytes;
  }

  /** Reads up to and past `terminator`, returning the bytes before it. */
  async readThrough(terminator: Uint8Array, maxBytes: number): Promise<Uint8Array> {
    for (;;) {
      const index = indexOfBytes(this.#pending, terminator);
      if (index > maxBytes || (index === -1 && this.#pending.length > maxBytes + terminator.length)) {
        throw new MaxHeaderSizeExceededError(maxBytes);
      }
      if (index !== -1) {
        const bytes = this.#pending.slice(0, index);
        this.#pending = this.#pending.subarray(index + terminator.length);
        return bytes;
      }
      await this.#pull();
    }
  }

  /**
   * Returns the next piece of data before `delimiter`, or null once the delimiter itself has
   * been consumed. The last `delimiter.length - 1` bytes stay buffered until more data shows
   * whether they start the delimiter.
   */
  async readUntil(delimiter: Uint8Array): Promise<Uint8Array | null> {
    for (;;) {
      const index = indexOfBytes(this.#pending, delimiter);
      if (index === 0) {
        this.#pending = this.#pending.subarray(delimiter.length);
        return null;
      }
      const safe = index > 0 ? index : this.#pending.length - (delimiter.length - 1);
      if (safe > 0) {
        const piece = this.#pending.subarray(0, safe);
        this.#pending = this.#pending.subarray(safe);
        return piece;
      }
      await this.#pull();
    }
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel().catch(() => undefined);
  }
}

/**
 * Parses a `multipart/*` stream part by part without buffering part bodies. Each part's `body`
 * must be read (or abandoned) before asking for the next part.
 */
export async function* readMultipartStream(
  stream: ReadableStream<Uint8Array>,
  boundary: string,
  limits: MultipartStreamLimits,
): AsyncGenerator<StreamedPart, void, undefined> {
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  // The first boundary line has no line break before it; a virtual one lets one search find all
  // boundaries. Bytes before the first boundary (the preamble) are discarded.
  const reader = new ByteReader(stream, CRLF);

  try {
    while ((await reader.readUntil(delimiter)) !== null) {
      // Skipping the preamble.
    }

    for (let count = 1; ; count++) {
      const after = await reader.readExact(2);
      if (after[0] === DASH && after[1] === DASH) return;
      if (after[0] !== CRLF[0] || after[1] !== CRLF[1]) {
        throw new MultipartParseError("Invalid multipart body: a boundary is not followed by a line break");
      }
      if (count > limits.maxParts) throw new MaxPartsExceededError(limits.maxParts);

      const header = await reader.readThrough(HEADER_END, limits.maxHeaderSize);
      const { name, filename, mediaType } = parsePartHeader(header);

      let finished = false;
      const body = {
        async *[Symbol.asyncIterator]() {
          while (!finished) {
            const piece = await reader.readUntil(delimiter);
            if (piece === null) {
              finished = true;
              return;
            }
            yield piece;
          }
        },
      };
      yield { name, filename, mediaType, body };

      while (!finished) {
        if ((await reader.readUntil(delimiter)) === null) finished = true;
      }
    }
  } finally {
    await reader.cancel();
  }
}

function parsePartHeader(header: Uint8Array): Pick<StreamedPart, "name" | "filename" | "mediaType"> {
  const part = new MultipartPart(header, []);
  try {
    return { name: part.name, filename: part.filename, mediaType: part.mediaType };
  } catch {
    // The library decodes headers as strict UTF-8 and throws a TypeError on anything else.
    throw new MultipartParseError("Invalid multipart body: a part header is not valid UTF-8");
  }
}

/** Returns the `boundary` parameter of a `multipart/form-data` Content-Type, or null for any other type. */
export function formDataBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(contentType);
  return match ? ((match[1] ?? match[2]) as string) : null;
}
