#!/usr/bin/env bash
# Runs every test. The tests start their own Redis (single and a 3-node cluster), PostgreSQL and Chromium on
# loopback; this script installs what is missing (as root, from Debian's packages) and then runs dotnet test.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v redis-cli >/dev/null || missing+=(redis-tools)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
if ! command -v initdb >/dev/null && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Debian starts a redis-server on 6379 when it installs one; the tests start their own on free ports.
if [ "$(id -u)" -eq 0 ] && command -v service >/dev/null; then service redis-server stop >/dev/null 2>&1 || true; fi

dotnet tool restore >/dev/null
dotnet test Dashboard.sln -c Release "$@"
