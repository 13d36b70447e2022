#!/usr/bin/env bash
# Installs the Debian packages newsq needs to build and test, only when they are missing.
# Used by the two README commands (./newsq.sh and ./test.sh); safe to run again.
set -euo pipefail

need=()
pkg-config --version >/dev/null 2>&1 || need+=(pkg-config)
pkg-config --exists libedit 2>/dev/null || need+=(libedit-dev)
if [ "${1:-}" = "--test" ]; then
  command -v tmux >/dev/null 2>&1 || need+=(tmux)
fi

if [ ${#need[@]} -gt 0 ]; then
  echo "newsq: installing missing packages: ${need[*]}" >&2
  sudo=""
  [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >&2
  $sudo apt-get install -y -qq "${need[@]}" >&2
fi
