#!/usr/bin/env bash
# Regenerates every generated fixture with Debian's Python (python3-scipy, python3-pandas, python3-sklearn).
set -euo pipefail
cd "$(dirname "$0")/.."
for script in scripts/make_*.py; do
  echo "running $script"
  /usr/bin/python3 "$script"
done
