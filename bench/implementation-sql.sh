#!/usr/bin/env bash
# The county's list and the city's counts of contracts with unmet obligations (履约检查) on a copy of a large city:
#   bench/implementation-sql.sh /tmp/exports-bench/e20k.db
# Copies the file, adds the obligations table and indexes as migration ImplementationChecks creates them, fills 12
# obligations per effective contract (one contract in ten with unmet ones), and times 200 runs of each query with
# sqlite3 against the dashboard's own grouping of round_progress, measured in the same run (the baseline).
set -euo pipefail
source_db="${1:?usage: bench/implementation-sql.sh FILE.db}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
db="$work/city.db"; cp "$source_db" "$db"
sqlite3 "$db" <<'SQL'
CREATE TABLE "obligations" ("Id" TEXT NOT NULL PRIMARY KEY, "RoundId" TEXT NOT NULL, "OrganisationId" TEXT NOT NULL, "Sequence" INTEGER NOT NULL,
  "ClauseSequence" INTEGER NULL, "Title" TEXT NOT NULL, "Requirement" TEXT NOT NULL, "Basis" TEXT NOT NULL, "DueOn" TEXT NOT NULL, "Manual" INTEGER NOT NULL,
  "CreatedAt" INTEGER NOT NULL, "CreatedBy" TEXT NOT NULL, "LastOutcome" TEXT NULL, "LastCheckedOn" TEXT NULL, "Unmet" INTEGER NOT NULL);
CREATE INDEX "IX_obligations_OrganisationId" ON "obligations" ("OrganisationId");
CREATE UNIQUE INDEX "IX_obligations_RoundId_Sequence" ON "obligations" ("RoundId", "Sequence");
CREATE INDEX "ix_obligations_unmet" ON "obligations" ("OrganisationId", "RoundId") WHERE "Unmet";
WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < 12)
INSERT INTO obligations SELECT lower(hex(randomblob(16))), p.RoundId, p.OrganisationId, n.k, 1, '工资增长6%（2026年度）', '职工年平均工资增长6%',
  '第1条“劳动报酬”：读取到“6%”', '2026-04-01', 0, 0, '王建国', CASE WHEN abs(random()) % 10 = 0 AND n.k <= 2 THEN 'NotMet' ELSE 'Met' END, '2026-04-20', 0
FROM round_progress p CROSS JOIN n WHERE p.Stage = 'Effective';
UPDATE obligations SET Unmet = 1 WHERE LastOutcome = 'NotMet';
ANALYZE;
SQL
org=$(sqlite3 "$db" "SELECT OrganisationId FROM obligations WHERE Unmet GROUP BY OrganisationId ORDER BY count(*) DESC LIMIT 1")
sqlite3 "$db" "SELECT count(*) || ' obligations, ' || sum(Unmet) || ' unmet, in ' || count(DISTINCT CASE WHEN Unmet THEN RoundId END) || ' contracts' FROM obligations"
declare -A queries=(
  [counts]='SELECT "o"."OrganisationId", COUNT(DISTINCT "o"."RoundId") FROM "obligations" AS "o" WHERE "o"."Unmet" GROUP BY "o"."OrganisationId";'
  [list]="SELECT o.RoundId, e.Name, o.Id, o.Sequence, o.Title, o.DueOn, o.LastOutcome, o.LastCheckedOn FROM obligations o JOIN rounds r ON o.RoundId = r.Id JOIN enterprises e ON r.EnterpriseId = e.Id WHERE o.Unmet AND o.OrganisationId = '$org';"
  [baseline]='SELECT "OrganisationId", "Stage", COUNT(*) FROM round_progress WHERE "Latest" GROUP BY "OrganisationId", "Stage";'
)
declare -A ms
for name in baseline counts list; do
  sqlite3 "$db" "EXPLAIN QUERY PLAN ${queries[$name]}" | sed "s/^/  $name plan: /"
  { echo ".output /dev/null"; for _ in $(seq 200); do echo "${queries[$name]}"; done; } > "$work/$name.sql"
  start=$(date +%s%N); sqlite3 "$db" ".read $work/$name.sql"; end=$(date +%s%N)
  ms[$name]=$(( (end - start) / 200000 ))
done
echo "per query: baseline ${ms[baseline]} µs, counts ${ms[counts]} µs, list ${ms[list]} µs"
awk -v b="${ms[baseline]}" -v c="${ms[counts]}" -v l="${ms[list]}" 'BEGIN { printf "ratio to baseline: counts %.3f, list %.3f\n", c / b, l / b }'
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
