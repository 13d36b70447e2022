#!/usr/bin/env bash
# Builds newsq (release) and starts it; with no arguments, the shell on the built-in seeds.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh
swift build -c release --product newsq >&2
exec .build/release/newsq "$@"
