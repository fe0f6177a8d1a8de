#!/bin/bash
# Runs every deployment test (tests/deploy/*.sh); exit 1 if any printed a FAIL line.
dir=$(cd "$(dirname "$0")" && pwd)
failed=0
for t in "$dir"/hidepid.sh "$dir"/pidns.sh "$dir"/timens.sh; do
    bash "$t" || failed=1
done
exit $failed
