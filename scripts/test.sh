#!/usr/bin/env bash
# Runs every test: unit tests (no root needed) and the conformance suite, which runs real containers
# against out/berth-runtime and, to check the tests themselves, against runc.
# Ends with one line "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
need_root
install_deps
publish_runtime
publish_berth
cd "$repo"
log=$(mktemp /tmp/berth-test-log.XXXXXX)
status=0
# Mounts named berth-test that were there before the tests (another run on this machine) are not counted.
mounts_before=$(findmnt -rn -o TARGET | grep berth-test | sort || true)
dotnet test berth.slnx -c Release --nologo 2>&1 | tee "$log" || status=$?
passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
leftover=$(comm -13 <(echo "$mounts_before") <(findmnt -rn -o TARGET | grep berth-test | sort || true) | grep -c . || true)
if [ "$leftover" -gt 0 ]; then echo "tests left $leftover mounts named berth-test behind"; status=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] || status=1
exit $status
