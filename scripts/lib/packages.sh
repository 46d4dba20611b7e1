# shellcheck shell=bash
# ensure_packages PKG...: installs the Debian packages that are missing, quietly, once.
# Sourced by the scripts that set a machine up (test.sh, run-example.sh).

ensure_packages() {
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}
