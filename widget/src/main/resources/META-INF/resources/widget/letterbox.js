// The letterbox: a message left while the chat is closed or full, answered
// later and read with a pickup code. Plain HTTP on Fyren's own origin, no
// cookies; the code is shown to the visitor and kept nowhere else.

/** Thrown with the server's stable error code (or NETWORK) when a call fails. */
export class LetterboxError extends Error {
  constructor(code) {
    super(code);
    this.code = code;
  }
}

async function call(path, init) {
  let response;
  try {
    response = await fetch(path, {
      ...init,
      cache: 'no-store',
      credentials: 'omit',
      headers: { accept: 'application/json', ...(init?.body ? { 'content-type': 'application/json' } : {}) },
    });
  } catch {
    throw new LetterboxError('CONNECTION_FAILED');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // An error page without JSON: the status alone decides.
  }
  if (!response.ok) throw new LetterboxError(body?.code ?? (response.status === 404 ? 'UNKNOWN_PICKUP_CODE' : 'generic'));
  return body ?? {};
}

/** Leaves a message; resolves to the pickup code. */
export async function post(queue, text, language) {
  const body = await call('/api/letterbox', {
    method: 'POST',
    body: JSON.stringify({ queue, text, language: language || null }),
  });
  if (typeof body.pickupCode !== 'string') throw new LetterboxError('generic');
  return body.pickupCode;
}

/** Reads what a pickup code holds: { answered, answer, sentAt, answeredAt }. */
export async function read(code) {
  const clean = String(code).trim();
  if (!clean) throw new LetterboxError('UNKNOWN_PICKUP_CODE');
  return call(`/api/letterbox/${encodeURIComponent(clean)}`, { method: 'GET' });
}
