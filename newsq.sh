#!/usr/bin/env bash
# Builds newsq (release) and starts it; with no arguments, the shell on the built-in seeds.
set -euo pipefail
cd "$(dirname "$0")"
scripts/ensure-deps.sh
# The Swift runtime linked in (--static-swift-stdlib), and the C++ library it uses too (a folder
# holding only libstdc++.a, searched first): no runtime .so files to load and bind at every start,
# which is most of what a one-statement run costs. Without libstdc++.a the .so is used.
cxx=.build/static-libstdc++
cxx_flags=()
libcxx=$("$(dirname "$(readlink -f "$(command -v swift)")")/clang" -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -f "$libcxx" ]; then
  mkdir -p "$cxx" && ln -sf "$libcxx" "$cxx/libstdc++.a" && cxx_flags=(-Xswiftc "-L$PWD/$cxx")
fi
swift build -c release --product newsq --static-swift-stdlib "${cxx_flags[@]}" >&2
exec .build/release/newsq "$@"
