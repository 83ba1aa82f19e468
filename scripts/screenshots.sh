#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the browser tests (needs chromium, chromium-driver, fonts-noto-cjk).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest='*BrowserTest' -Dscreenshots.dir="$PWD/docs/screenshots" -Dsurefire.failIfNoSpecifiedTests=false
ls -1 docs/screenshots
