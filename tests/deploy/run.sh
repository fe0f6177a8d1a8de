#!/bin/bash
# Runs the lock-safety deployment tests (hidepid.sh, pidns.sh, timens.sh) and gives each the
# closing line every script in tests/deploy/ ends with (checks.sh), from its PASS/FAIL/SKIP
# lines and exit code, so that make test counts them. Exit 1 if any failed.
dir=$(cd "$(dirname "$0")" && pwd)
failed=0
for t in hidepid.sh pidns.sh timens.sh; do
    out=$(bash "$dir/$t"); rc=$?
    printf '%s\n' "$out"
    if [ "$rc" != 0 ] || grep -q '^FAIL ' <<< "$out"; then
        n=$(grep -c '^FAIL ' <<< "$out")
        echo "$t: $((n > 0 ? n : 1)) FAILED"
        failed=1
    elif grep -q '^PASS ' <<< "$out"; then
        echo "$t: all checks passed"
    else
        echo "$t: skipped ($(grep -m1 '^SKIP ' <<< "$out" | cut -c6-))"
    fi
done
exit $failed
