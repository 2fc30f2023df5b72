# Sourced by the scripts in this folder: makes .venv and installs the project into it, again
# whenever pyproject.toml changes. Usage: source scripts/_env.sh EXTRA   (EXTRA: test, or "" for
# none: always give it, as `source` without arguments passes on the caller's own arguments)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
EXTRA="${1:-}"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x "$VENV/bin/python" ]; then
  if ! python3 -m venv "$VENV" 2>/dev/null; then
    # Debian ships venv support separately.
    rm -rf "$VENV"
    as_root apt-get update -qq && as_root apt-get install -y -qq python3-venv
    python3 -m venv "$VENV"
  fi
fi

base_stamp="$VENV/.installed-$(sha256sum "$ROOT/pyproject.toml" | cut -c1-16)"
stamp="$base_stamp${EXTRA:+-$EXTRA}"
# An install with extras holds everything the plain one does.
if [ ! -f "$stamp" ] && ! { [ -z "$EXTRA" ] && compgen -G "$base_stamp-*" >/dev/null; }; then
  echo "Installing the project into .venv (first run, or pyproject.toml changed)..." >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT${EXTRA:+[$EXTRA]}"
  touch "$stamp"
fi
export PATH="$VENV/bin:$PATH"
export NO_MKDOCS_2_WARNING=1
