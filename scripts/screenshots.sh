#!/usr/bin/env bash
# Renews the README's screenshots: runs the browser test that shows each screen on a generated city (and checks what
# it must show), then copies its pictures to docs/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
dotnet test tests/Bargaining.Web.Tests -c Release --nologo --filter "FullyQualifiedName~ReadmeScreenshotTests"
for f in test-artifacts/readme-*.png; do cp "$f" "docs/screenshots/${f#test-artifacts/readme-}"; done
ls -l docs/screenshots
