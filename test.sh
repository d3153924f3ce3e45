#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real PostgreSQL) and browser (Chromium) tests.
# Installs what it can that is missing (as root, with apt-get): PostgreSQL server binaries,
# Chromium, poppler-utils, fonts and redis-server (the two-instance tests). Ends with one summary line: "tests: N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")"

need=()
have_pg() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_pg || need+=(postgresql)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || need+=(redis-server)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "test.sh: installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "test.sh: missing ${need[*]}; install them (Debian: apt-get install ${need[*]}) or run as root." >&2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build IntergovCommission.sln -nologo -v q -clp:ErrorsOnly
log=$(mktemp)
set +e
dotnet test IntergovCommission.sln --no-build -nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

python3 - "$log" "$status" <<'PY' 2>/dev/null || awk -v s="$status" '/(Passed|Failed)!/ { for (i=1;i<=NF;i++) { if ($i=="Failed:") f+=$(i+1)+0; if ($i=="Passed:") p+=$(i+1)+0; if ($i=="Skipped:") k+=$(i+1)+0 } } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, k }' "$log"
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
p = f = s = 0
for m in re.finditer(r"(?:Passed|Failed)!\s+-\s+Failed:\s+(\d+),\s+Passed:\s+(\d+),\s+Skipped:\s+(\d+)", text):
    f += int(m.group(1)); p += int(m.group(2)); s += int(m.group(3))
print(f"tests: {p} passed, {f} failed, {s} skipped")
PY
rm -f "$log"
exit "$status"
