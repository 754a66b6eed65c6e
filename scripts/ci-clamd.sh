#!/usr/bin/env bash
# Starts a ClamAV daemon for the virus-scanning tests (tests/integration/virus-scan.test.ts) on
# 127.0.0.1:3310, with a test signature database built here (nothing is downloaded): it detects
# the EICAR test file and nothing else. Idempotent: does nothing if a clamd already answers.
#
#   scripts/ci-clamd.sh        then   CLAMAV_HOST=127.0.0.1 npm test
#
# If clamd cannot be installed (no apt, no root, no package source) it says why and exits 0:
# the virus-scan tests then skip with a visible reason. If clamd is installed but does not
# answer, that is a real failure (exit 1). Set CLAMD_REQUIRED=1 to make every problem fatal.
set -uo pipefail

host=127.0.0.1
port=${CLAMAV_PORT:-3310}
base=/var/lib/clamav-test          # signature database (test only)
conf=/etc/clamav-test/clamd.conf
run_dir=/run/clamav-test
log_dir=/var/log/clamav-test
started=$SECONDS

# The EICAR anti-virus test file (harmless by design), split so this script is not itself flagged.
eicar='X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-'
eicar+='STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'

unavailable() {
  echo "ci-clamd: $* — virus-scan tests will be skipped" >&2
  if [ "${CLAMD_REQUIRED:-0}" = 1 ]; then exit 1; fi
  exit 0
}

# ping: true when clamd answers "zPING" with "PONG" (bash's /dev/tcp, no nc needed).
ping_clamd() {
  local reply
  reply=$(timeout 3 bash -c "exec 3<>/dev/tcp/$host/$port && printf 'zPING\0' >&3 && IFS= read -r -d '' line <&3; printf '%s' \"\$line\"" 2>/dev/null) || true
  [ "$reply" = PONG ]
}

# scan_eicar: prints clamd's verdict on the EICAR string sent with zINSTREAM (one chunk: a 4-byte
# big-endian length, the bytes, then a zero-length chunk).
scan_eicar() {
  local len_hex
  len_hex=$(printf '\\x%02x\\x%02x\\x%02x\\x%02x' 0 0 $((${#eicar} >> 8 & 255)) $((${#eicar} & 255)))
  timeout 5 bash -c '
    exec 3<>/dev/tcp/$1/$2 || exit 1
    printf "zINSTREAM\0$3%s\0\0\0\0" "$4" >&3
    IFS= read -r -d "" line <&3
    printf "%s" "$line"
  ' _ "$host" "$port" "$len_hex" "$eicar" 2>/dev/null
}

if ping_clamd; then
  echo "ci-clamd: clamd already answers on $host:$port ($(scan_eicar || echo 'EICAR scan failed'))"
  exit 0
fi

# 1. Install (only what is missing).
if ! command -v clamd >/dev/null 2>&1 || ! command -v sigtool >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || unavailable "clamd is not installed and this is not root, so it cannot be installed"
  command -v apt-get >/dev/null 2>&1 || unavailable "clamd is not installed and apt-get is not available"
  echo "ci-clamd: installing clamav (sigtool) and clamav-daemon"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clamav clamav-daemon; then
    # The package lists may be missing or stale on a fresh machine.
    { DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends clamav clamav-daemon; } ||
      unavailable "apt-get could not install clamav and clamav-daemon"
  fi
  command -v clamd >/dev/null 2>&1 && command -v sigtool >/dev/null 2>&1 || unavailable "clamd/sigtool still missing after install"
  echo "ci-clamd: installed in $((SECONDS - started)) s"
fi
[ "$(id -u)" = 0 ] || unavailable "clamd is installed but this script needs root to write $base and $conf"

# 2. A test signature database: an MD5 signature of the EICAR file (as the ClamAV docs do) and a
#    body signature, so EICAR is found also when embedded in a larger file.
mkdir -p "$base" "$(dirname "$conf")" "$run_dir" "$log_dir"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%s' "$eicar" >"$work/eicar.com"
(cd "$work" && sigtool --md5 eicar.com) >"$base/eicar.hdb" || { echo "ci-clamd: sigtool failed" >&2; exit 1; }
printf 'Eicar-Test-Signature-Body:0:*:%s\n' "$(printf '%s' "$eicar" | od -An -tx1 -v | tr -d ' \n')" >"$base/eicar.ndb"

# 3. A minimal configuration: TCP on loopback only, no local socket, the test database.
user_line=
if getent passwd clamav >/dev/null 2>&1; then
  user_line='User clamav'
  chown -R clamav: "$base" "$run_dir" "$log_dir"
fi
cat >"$conf" <<EOF
# Written by scripts/ci-clamd.sh for tests; not for production.
DatabaseDirectory $base
TCPSocket $port
TCPAddr $host
Foreground no
PidFile $run_dir/clamd.pid
LogFile $log_dir/clamd.log
LogTime yes
$user_line
StreamMaxLength 25M
MaxFileSize 25M
MaxScanSize 100M
ReadTimeout 30
CommandReadTimeout 10
SelfCheck 0
EOF

# 4. Start and wait for PONG (60 s).
echo "ci-clamd: starting clamd ($conf)"
if ! clamd --config-file="$conf"; then
  echo "ci-clamd: clamd did not start; its log:" >&2
  tail -n 20 "$log_dir/clamd.log" >&2 2>/dev/null
  exit 1
fi
deadline=$((SECONDS + 60))
until ping_clamd; do
  if [ $SECONDS -ge $deadline ]; then
    echo "ci-clamd: clamd did not answer PING within 60 s; its log:" >&2
    tail -n 20 "$log_dir/clamd.log" >&2 2>/dev/null
    exit 1
  fi
  sleep 0.5
done
verdict=$(scan_eicar || true)
echo "ci-clamd: clamd answers PONG on $host:$port; EICAR -> '$verdict' ($((SECONDS - started)) s in all)"
case $verdict in
  *FOUND) exit 0 ;;
  *) echo "ci-clamd: clamd does not detect EICAR with the test database" >&2; exit 1 ;;
esac
