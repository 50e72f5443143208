#!/usr/bin/env bash
# Sets up and starts the web application on an embedded SQLite file (bargaining-demo.db), regenerated each time
# with the Yancheng demo: the city union, its 11 county-level unions, 240 enterprises and their spring 2026 rounds,
# all driven through the real commands, and one account per role. It prints the address and the demo accounts.
# BARGAINING_URLS (default http://127.0.0.1:5080) and BARGAINING_DB change where it listens and what file it uses.
# The command-line demo of the engine's journals is still there: dotnet run --project src/Bargaining.Cli -- demo
set -euo pipefail
cd "$(dirname "$0")/.."
echo "run.sh: 准备环境……" >&2
scripts/setup.sh
urls="${BARGAINING_URLS:-http://127.0.0.1:5080}"
echo "run.sh: 正在编译（Release）……" >&2
dotnet build -c Release --nologo -v quiet src/Bargaining.Web
echo "run.sh: 正在生成盐城市演示数据（约 240 家企业，进度见下）并启动 ${urls%%;*} ……" >&2
exec dotnet run --no-build -c Release --project src/Bargaining.Web -- \
  --Bargaining:Demo=true --Bargaining:Database="$(realpath -m "${BARGAINING_DB:-bargaining-demo.db}")" --Bargaining:PublicUrl="${urls%%;*}" --urls "$urls" "$@"
