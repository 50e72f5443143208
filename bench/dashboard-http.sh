#!/usr/bin/env bash
# HTTP load on the dashboard, a county page and the lists: the web host (Release) on loopback over a database grown
# by bench/Bargaining.DashboardBenchmarks (--db FILE), signed in as the city union's administrator; wrk with 8
# connections on 2 threads for each address. Usage: bench/dashboard-http.sh FILE [seconds per address, default 20] [REGEX of
# the addresses to load, default all]
set -euo pipefail
cd "$(dirname "$0")/.."
db="$(realpath "$1")"; seconds="${2:-20}"; only="${3:-}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
port=5391; base="http://127.0.0.1:$port"; password="${BENCH_ADMIN_PASSWORD:-benchmark2026x}"
dotnet build -c Release --nologo -v quiet src/Bargaining.Web >/dev/null
# The file is the benchmark's own: its first start creates this administrator, later starts keep it.
dotnet run --no-build -c Release --project src/Bargaining.Web -- --Bargaining:Database="$db" --Bargaining:AdminPassword="$password" \
  --urls "$base" --Logging:LogLevel:Default=Warning >/tmp/dashboard-http-host.log 2>&1 &
host=$!
trap 'kill $host 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -s -o /dev/null "$base/api/account/me" && break; sleep 1; done
app=$(pgrep -P "$host" | head -1); ticks=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$app/stat"; }
jar=$(mktemp)
# wrk's --latency prints 50/75/90/99 %; the goal is stated at 95 %.
p95=$(mktemp --suffix=.lua)
echo 'done = function(summary, latency, requests) io.write(string.format("     95%%  %.2fms\n", latency:percentile(95) / 1000)) end' >"$p95"
curl -s -f -c "$jar" -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "$base/api/account/login" >/dev/null
cookie=$(awk '$6 == "bargaining.auth" {print $6"="$7}' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
campaign=$(sqlite3 "$db" "SELECT Id FROM campaigns ORDER BY StartsOn LIMIT 1")
county=$(sqlite3 "$db" "SELECT OrganisationId FROM enterprises GROUP BY OrganisationId ORDER BY COUNT(*) DESC LIMIT 1")
echo "load average $(cut -d' ' -f1-3 /proc/loadavg); $(sqlite3 "$db" 'SELECT COUNT(*) FROM enterprises') enterprises, $(sqlite3 "$db" 'SELECT COUNT(*) FROM rounds') rounds"
sleep 5 # the host's timer processor fires what fell due first
paths=()
for path in "/api/campaigns/$campaign/dashboard" "/City?campaign=$campaign" "/api/campaigns/$campaign/dashboard/export" \
    "/api/organisations/$county/progress" "/County?unit=$county" "/api/rounds?overdueOnly=true" "/api/enterprises" "/api/enterprises?organisationId=$county&stage=Bargaining" \
    "/api/rounds/export?organisationId=$county&overdueOnly=true" "/api/enterprises/export?organisationId=$county&stage=Bargaining"; do
  [[ -z "$only" || "$path" =~ $only ]] && paths+=("$path")
done
# Every address loaded for 10 s first, not counted: the tiered JIT takes about half a minute of load to settle on
# optimised code, which the first addresses measured would otherwise pay.
for path in "${paths[@]}"; do wrk -t2 -c8 -d10s -H "Cookie: $cookie" "$base$path" >/dev/null; done
for path in "${paths[@]}"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")
  echo "### GET $path (first answer: $status)"
  [ "$status" = 200 ] || continue
  before=$(cpu)
  out=$(wrk -t2 -c8 -d"${seconds}s" --latency -s "$p95" -H "Cookie: $cookie" "$base$path")
  grep -E 'Latency|50%|75%|90%|95%|99%|Requests/sec|requests in|Non-2xx|Socket errors' <<<"$out"
  # The host's CPU time per request: less sensitive than the latencies to what else runs on the machine.
  requests=$(awk '/requests in/ {print $1}' <<<"$out")
  awk -v used=$(( $(cpu) - before )) -v ticks="$ticks" -v n="$requests" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "  host CPU per request: %.2f ms; load average %s\n", used * 1000 / ticks / n, load }'
done
