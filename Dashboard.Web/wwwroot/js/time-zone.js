// The IANA name of the zone the browser shows times in ("Europe/Paris"); the server formats times in it.
export function browserTimeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? null;
}
