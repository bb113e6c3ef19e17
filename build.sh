#!/usr/bin/env bash
# The one entry point for working on TypedFlags (the README's test command; .ci/run calls it too).
#
#   ./build.sh test [dotnet test arguments...]   install the missing system prerequisites, then run
#                                                `dotnet test TypedFlags.sln` with the arguments given
#   ./build.sh prerequisites                     install the missing system prerequisites only
#   ./build.sh check                             list the missing ones and exit 1 if any; installs nothing
#                                                (the tests that need a prerequisite run this)
#
# Prerequisites are system packages the test suite needs besides the .NET SDK. Each is one function below that
# prints the Debian packages to install when it is missing, so adding one (PostgreSQL, Chromium) is one function
# and one line in `prerequisites`. Installing uses apt-get (with sudo when not root); anything present is left
# alone, so on a machine that has everything nothing is installed or updated.
set -euo pipefail
cd "$(dirname "$0")"

# NativeAOT's native link step (SampleTests publishes the console sample with NativeAOT): a C toolchain
# (clang, or gcc as on Debian's default image) and zlib's headers.
native_aot_toolchain() {
  if ! command -v clang >/dev/null 2>&1 && ! command -v gcc >/dev/null 2>&1; then
    echo clang
  fi
  if [ ! -f /usr/include/zlib.h ]; then
    echo zlib1g-dev
  fi
}

# The PostgreSQL store's tests (tests/TypedFlags.Store.PostgreSql.Tests) start their own server from the server
# binaries (initdb, pg_ctl, postgres), which Debian keeps in /usr/lib/postgresql/<version>/bin, not on PATH. The
# `postgresql` package installs the distribution's version and the `postgres` system user the tests run the server as
# when they run as root (initdb and postgres refuse to run as root). No cluster of the package's own is used.
postgresql_server() {
  if ! compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && ! command -v initdb >/dev/null 2>&1; then
    echo postgresql
  fi
}

# The admin page's browser tests (tests/TypedFlags.IntegrationTests/AdminPageBrowserTests.cs) drive Debian's headless
# Chromium through Selenium and the matching chromedriver, at /usr/bin/chromium and /usr/bin/chromedriver.
chromium_browser() {
  if [ ! -x /usr/bin/chromium ]; then
    echo chromium
  fi
  if [ ! -x /usr/bin/chromedriver ]; then
    echo chromium-driver
  fi
}

prerequisites() {
  native_aot_toolchain
  postgresql_server
  chromium_browser
}

missing_packages() {
  # Linux only: the packages are Debian's, and NativeAOT's Linux link step is what needs them.
  if [ "$(uname -s)" = "Linux" ]; then
    prerequisites | sort -u | tr '\n' ' ' | sed 's/ *$//'
  fi
}

check() {
  local missing
  missing=$(missing_packages)
  if [ -n "$missing" ]; then
    echo "Missing test prerequisites (Debian packages): $missing"
    echo "Run ./build.sh prerequisites (or ./build.sh test, which installs them and runs the tests)."
    return 1
  fi
  echo "Test prerequisites: all present."
}

install() {
  local missing
  missing=$(missing_packages)
  if [ -z "$missing" ]; then
    echo "Test prerequisites: all present."
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing test prerequisites: $missing. This script installs them with apt-get, which this machine lacks:" >&2
    echo "install their equivalents with your package manager, then run dotnet test TypedFlags.sln." >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    sudo="sudo"
  fi
  echo "Installing test prerequisites: $missing"
  $sudo apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
  check
}

command=${1:-}
case "$command" in
  test)
    shift
    install
    exec dotnet test TypedFlags.sln "$@"
    ;;
  prerequisites)
    install
    ;;
  check)
    check
    ;;
  *)
    echo "usage: ./build.sh test [dotnet test arguments...] | prerequisites | check" >&2
    exit 2
    ;;
esac
