#!/usr/bin/env bash
# The benchmark of issue 6 in one command: builds Release, starts a private Redis, PostgreSQL and the app on
# loopback, runs bench/Dashboard.Bench and writes bench/results/<date>-<short-sha>.md. Everything it starts is
# stopped on exit. Sizes come from BENCH_* variables (see bench/README.md); the defaults are the issue's.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v redis-benchmark >/dev/null || missing+=(redis-tools)
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "$pg_bin" ] || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing: ${missing[*]}. Install them (apt-get install ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

echo "== Building Release"
dotnet build Dashboard.sln -c Release -nologo -clp:ErrorsOnly

work=$(mktemp -d /tmp/dashboard-bench.XXXXXX)
chmod 755 "$work"
redis_pid="" app_pid="" counters_pid="" pg_data="$work/pg/data"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_app() {
  if [ -n "$counters_pid" ]; then kill "$counters_pid" 2>/dev/null || true; wait "$counters_pid" 2>/dev/null || true; fi
  counters_pid=""
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
  fi
  app_pid=""
}

cleanup() {
  stop_app
  if [ -f "$pg_data/postmaster.pid" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true; fi
  if [ -n "$redis_pid" ]; then kill "$redis_pid" 2>/dev/null || true; wait "$redis_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A loopback port nothing listens on.
free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && ! (exec 3<>"/dev/tcp/127.0.0.1/$((port + 1))") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

echo "== Starting Redis"
redis_port=$(free_port)
mkdir -p "$work/redis"
redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$work/redis" --save "" --appendonly no \
  --protected-mode yes --daemonize no --logfile "$work/redis/redis.log" &
redis_pid=$!
until [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ]; do sleep 0.1; done

echo "== Starting PostgreSQL"
pg_port=$(free_port)
mkdir -p "$work/pg"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work/pg"
as_postgres "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --no-sync >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$pg_data" -w -t 60 -l "$work/pg/server.log" \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
pg_pid=$(head -n 1 "$pg_data/postmaster.pid")

app_port=$(free_port)
# The load generators send this key (ingest for /track, read for the SSE readers); the dashboards in Chromium are
# anonymous viewers, as on a wall screen. Its rate limits are far above what it sends: the bench measures the app, not
# its limits, while every request still passes through the rate limiter.
api_key=$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')
start_app() {
  local poll_interval=$1
  mkdir -p "$work/app"
  (
    cd "$work/app"
    Dashboard__LiveStore=Redis \
    ConnectionStrings__Redis="127.0.0.1:$redis_port" \
    ConnectionStrings__Sqlite="Data Source=$work/app/dashboard.db" \
    Dashboard__Demo__Enabled=false \
    Dashboard__Auth__AnonymousAccess=Viewer \
    Dashboard__Auth__ApiKeys__bench__Key="$api_key" \
    Dashboard__Auth__ApiKeys__bench__Scopes=ingest,read \
    Dashboard__Tracking__PollInterval="$poll_interval" \
    Dashboard__Realtime__MaxConnections=2000 \
    Dashboard__Realtime__MaxConnectionsPerClient=2000 \
    Dashboard__RateLimits__Ingest__Tokens=100000000 \
    Dashboard__RateLimits__Ingest__Burst=100000000 \
    Dashboard__RateLimits__Read__Tokens=1000000 \
    Dashboard__RateLimits__Read__Burst=1000000 \
    Logging__LogLevel__Default=Warning \
    exec dotnet "$repo/Dashboard.Web/bin/Release/net10.0/Dashboard.Web.dll" --urls "http://127.0.0.1:$app_port" \
      >>"$work/app/app.log" 2>&1
  ) &
  app_pid=$!
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$app_port/health/ready" >/dev/null 2>&1; then
      start_counters "$poll_interval"
      return
    fi
    if ! kill -0 "$app_pid" 2>/dev/null; then cat "$work/app/app.log" >&2; echo "The app exited at start." >&2; exit 1; fi
    sleep 0.2
  done
  echo "The app did not answer /health/ready within 60 s." >&2
  exit 1
}

# BENCH_COUNTERS names a dotnet-counters executable: the app's runtime and Kestrel counters are then written every
# second to /tmp/dashboard-bench-counters-<poll interval>.csv, to match the stalls the figures list with GC pauses,
# the thread pool's queue and lock contention in the same seconds.
start_counters() {
  [ -n "${BENCH_COUNTERS:-}" ] || return 0
  local out="/tmp/dashboard-bench-counters-${1//:/}.csv"
  rm -f "$out"
  "$BENCH_COUNTERS" collect -p "$app_pid" --refresh-interval 1 --format csv -o "$out" \
    --counters System.Runtime,Microsoft.AspNetCore.Hosting,Microsoft-AspNetCore-Server-Kestrel >/dev/null 2>&1 &
  counters_pid=$!
}

commit=$(git rev-parse --short HEAD)
# A run on uncommitted changes says so in its commit column.
if [ -n "$(git status --porcelain -- Dashboard.Core Dashboard.Web bench/Dashboard.Bench)" ]; then commit="$commit+changes"; fi
mkdir -p bench/results
results="bench/results/$(date -u +%Y-%m-%d)-${commit/+changes/-dirty}.md"

run_bench() {
  BENCH_PHASES=$1 BENCH_POLL_SECONDS=$2 \
  BENCH_REDIS_PORT=$redis_port BENCH_REDIS_PID=$redis_pid \
  BENCH_APP_URL="http://127.0.0.1:$app_port/" BENCH_APP_PID=$app_pid BENCH_API_KEY="$api_key" \
  BENCH_PG_CONNECTION="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres" BENCH_PG_PID=$pg_pid \
  BENCH_RESULTS="$results" BENCH_TMP="$work" BENCH_COMMIT="$commit" \
    dotnet "$repo/bench/Dashboard.Bench/bin/Release/net10.0/Dashboard.Bench.dll"
}

# BENCH_HTTP_PHASES / BENCH_POLL_PHASES narrow a run to some figures; an empty value skips that app start.
http_phases=${BENCH_HTTP_PHASES-circuits,http}
poll_phases=${BENCH_POLL_PHASES-polls,sse,store,postgres}
if [ -n "$http_phases" ]; then
  echo "== Figures 10, 1-4, 8, 9: the app as deployed (polls every 10 s)"
  start_app 00:00:10
  run_bench "$http_phases" 10
  stop_app
fi

if [ -n "$poll_phases" ]; then
  echo "== Figures 7, 11, 6, 5 and the PostgreSQL read side: the app polling every second"
  start_app 00:00:01
  run_bench "$poll_phases" 1
  stop_app
fi

echo "== Done: $results"
