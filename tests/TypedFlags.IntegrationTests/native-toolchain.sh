#!/bin/sh
# Installs what NativeAOT's native link step needs when it is missing: a C toolchain (clang, or gcc as on
# Debian's default image) and zlib's headers. Run by SampleTests before `dotnet publish` of the AOT sample.
set -e
need=""
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need="$need clang"
[ -f /usr/include/zlib.h ] || need="$need zlib1g-dev"
[ -z "$need" ] && exit 0
echo "installing:$need"
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need
