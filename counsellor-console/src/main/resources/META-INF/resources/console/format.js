// Small pure helpers: no DOM, no state, easy to reason about.

/** "4:07" or "1:02:09"; negative spans (clock skew) show as 0:00. */
export function formatDuration(ms) {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Epoch millis of the earliest waitingSince, or null when nobody waits. */
export function earliestSince(waiting) {
  let earliest = null;
  for (const visitor of waiting) {
    const since = Date.parse(visitor.waitingSince);
    if (!Number.isNaN(since) && (earliest === null || since < earliest)) earliest = since;
  }
  return earliest;
}

/**
 * Whether an age band id certainly means under 18 ("under-15", "13-17").
 * Conservative on purpose: an unknown shape is not flagged.
 */
export function isMinor(ageBand) {
  if (typeof ageBand !== 'string') return false;
  const under = /^under-(\d+)$/.exec(ageBand);
  if (under) return Number(under[1]) <= 18;
  const range = /^(\d+)-(\d+)$/.exec(ageBand);
  return range !== null && Number(range[2]) < 18;
}

/** 128 random bits as 32 hex characters: fits the API's [A-Za-z0-9_-]{1,64}. */
export function newMessageId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** "14:05" in the reader's language; empty for a missing or broken timestamp. */
export function formatClock(iso, language) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(date);
}

/** A language code as a name in the reader's language ("ar" → "arabiska"), or the code itself. */
export function languageName(code, language) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Role names as Spring Security may spell them ("ROLE_COUNSELLOR" or "COUNSELLOR"). */
export function hasRole(roles, role) {
  return Array.isArray(roles) && roles.some((r) => String(r).replace(/^ROLE_/, '').toUpperCase() === role);
}
