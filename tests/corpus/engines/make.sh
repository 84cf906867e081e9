#!/usr/bin/env bash
# Regenerates the real-engine corpus (see make.py for the engines it needs).
set -euo pipefail
cd "$(dirname "$0")"
exec python3 make.py "$@"
