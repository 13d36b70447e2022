#!/usr/bin/env bash
# Runs the whole test suite: the package's tests, then the embedding example's tests.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh --test
swift build --product newsq
swift test
( cd Examples/Embedding && swift test )
