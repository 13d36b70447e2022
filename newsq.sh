#!/usr/bin/env bash
# Builds newsq (release) and starts it; with no arguments, the shell on the built-in seeds.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh
# The Swift runtime linked in (--static-swift-stdlib): no runtime .so files to load and bind at
# every start, which is most of what a one-statement run costs.
swift build -c release --product newsq --static-swift-stdlib >&2
exec .build/release/newsq "$@"
