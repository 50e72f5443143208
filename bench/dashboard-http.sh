#!/usr/bin/env bash
# HTTP load on the dashboard, a county page and the lists: the web host (Release) on loopback over a database grown
# by bench/Bargaining.DashboardBenchmarks (--db FILE, or --postgres CONNECTION-STRING), signed in as the city union's
# administrator; wrk with 8 connections on 2 threads for each address.
# Usage: bench/dashboard-http.sh FILE|"Host=…;Database=…" [seconds per address, default 20] [instances, default 1]
#        [REGEX of the addresses to load, default all]; BENCH_PORT=N (default 5390) puts the hosts on N+1, N+2
# With 2 instances (PostgreSQL only) two hosts serve the same database on two ports, signed in once (the sign-in keys
# are in the database), and two wrk runs of 4 connections each load them at the same time.
set -euo pipefail
cd "$(dirname "$0")/.."
target="$1"; seconds="${2:-20}"; instances="${3:-1}"; only="${4:-}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
password="${BENCH_ADMIN_PASSWORD:-benchmark2026x}"
port="${BENCH_PORT:-5390}" # the hosts listen on port+1, port+2
if [[ "$target" == *"Host="* ]]; then
  database=(--Bargaining:DatabaseProvider=PostgreSql "--Bargaining:ConnectionString=$target")
  field() { tr ';' '\n' <<<"$target" | sed -n "s/^$1=//Ip" | head -1; }
  export PGHOST="$(field Host)" PGPORT="$(field Port)" PGUSER="$(field Username)" PGDATABASE="$(field Database)" PGPASSWORD="$(field Password)"
  sql() { psql -qAt -c "$1"; }
else
  db="$(realpath "$target")"
  [ "$instances" = 1 ] || { echo "several instances need PostgreSQL: one SQLite file is for one instance" >&2; exit 2; }
  database=(--Bargaining:Database="$db")
  sql() { sqlite3 "$db" "$1"; }
fi
dotnet build -c Release --nologo -v quiet src/Bargaining.Web >/dev/null
hosts=(); apps=()
trap 'kill "${hosts[@]}" 2>/dev/null || true' EXIT
for i in $(seq 1 "$instances"); do
  base="http://127.0.0.1:$((port + i))"
  # The database is the benchmark's own: the first start creates this administrator, later starts keep it.
  dotnet run --no-build -c Release --project src/Bargaining.Web -- "${database[@]}" --Bargaining:AdminPassword="$password" \
    --urls "$base" --Logging:LogLevel:Default=Warning >"/tmp/dashboard-http-host-$((port + i)).log" 2>&1 &
  hosts+=($!)
  for _ in $(seq 1 180); do curl -s -o /dev/null "$base/api/account/me" && break; sleep 1; done
  apps+=("$(pgrep -P "${hosts[-1]}" | head -1)")
done
ticks=$(getconf CLK_TCK)
# The hosts' CPU time in ticks: what the figures cost, less sensitive than the latencies to what else runs.
cpu() { local sum=0 app; for app in "${apps[@]}"; do sum=$(( sum + $(awk '{print $14 + $15}' "/proc/$app/stat") )); done; echo "$sum"; }
# wrk's --latency prints 50/75/90/99 %; the goal is stated at 95 %.
p95=$(mktemp --suffix=.lua)
echo 'done = function(summary, latency, requests) io.write(string.format("     95%%  %.2fms\n", latency:percentile(95) / 1000)) end' >"$p95"
base="http://127.0.0.1:$((port + 1))"
jar=$(mktemp)
curl -s -f -c "$jar" -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "$base/api/account/login" >/dev/null
cookie=$(awk '$6 == "bargaining.auth" {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
campaign=$(sql 'SELECT "Id" FROM campaigns ORDER BY "StartsOn" LIMIT 1')
county=$(sql 'SELECT "OrganisationId" FROM enterprises GROUP BY "OrganisationId" ORDER BY COUNT(*) DESC LIMIT 1')
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $(sql 'SELECT COUNT(*) FROM enterprises') enterprises, $(sql 'SELECT COUNT(*) FROM rounds') rounds; $instances instance(s)"
sleep 5 # the hosts' timer processors fire what fell due first
paths=()
for path in "/api/campaigns/$campaign/dashboard" "/City?campaign=$campaign" "/api/campaigns/$campaign/dashboard/export" \
    "/api/organisations/$county/progress" "/County?unit=$county" "/api/rounds?overdueOnly=true" "/api/enterprises" "/api/enterprises?organisationId=$county&stage=Bargaining" \
    "/api/rounds/export?organisationId=$county&overdueOnly=true" "/api/enterprises/export?organisationId=$county&stage=Bargaining" \
    "/api/catalogue/quality" "/api/catalogue/quality?organisationId=$county" "/City/Quality?unit=$county" \
    "/api/catalogue/changes?since=$(date -u -d '-1 day' +%Y-%m-%dT%H:%M:%SZ)" \
    "/api/organisations/in-force?on=2026-12-07" "/api/organisations/$county/in-force?on=2026-12-07"; do
  [[ -z "$only" || "$path" =~ $only ]] && paths+=("$path")
done
# Every address loaded for 10 s first, not counted: the tiered JIT takes about half a minute of load to settle on
# optimised code, which the first addresses measured would otherwise pay.
for path in "${paths[@]}"; do
  warming=()
  for i in $(seq 1 "$instances"); do wrk -t1 -c$((8 / instances)) -d10s -H "Cookie: $cookie" "http://127.0.0.1:$((port + i))$path" >/dev/null & warming+=($!); done
  wait "${warming[@]}" # not a bare wait: the hosts are this shell's children too
done
for path in "${paths[@]}"; do
  statuses=""
  for i in $(seq 1 "$instances"); do statuses+="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "http://127.0.0.1:$((port + i))$path") "; done
  echo "### GET $path (first answers: $statuses)"
  [[ "$statuses" =~ ^(200 )+$ ]] || continue
  before=$(cpu); outputs=(); loads=()
  for i in $(seq 1 "$instances"); do
    out=$(mktemp); outputs+=("$out")
    wrk -t$((2 / instances)) -c$((8 / instances)) -d"${seconds}s" --latency -s "$p95" -H "Cookie: $cookie" \
      "http://127.0.0.1:$((port + i))$path" >"$out" &
    loads+=($!)
  done
  wait "${loads[@]}"
  for i in "${!outputs[@]}"; do
    [ "$instances" = 1 ] || echo "instance $((i + 1)):"
    grep -E 'Latency|50%|75%|90%|95%|99%|Requests/sec|requests in|Non-2xx|Socket errors' "${outputs[$i]}"
  done
  requests=$(cat "${outputs[@]}" | awk '/requests in/ {s += $1} END {print s}')
  [ "$instances" = 1 ] || echo "together: $(cat "${outputs[@]}" | awk '/Requests\/sec/ {s += $2} END {printf "%.0f", s}') requests/s"
  awk -v used=$(( $(cpu) - before )) -v ticks="$ticks" -v n="$requests" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "  host CPU per request: %.2f ms; load average %s\n", used * 1000 / ticks / n, load }'
  rm -f "${outputs[@]}"
done
