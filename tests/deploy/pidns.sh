#!/bin/bash
# Table locks across PID namespaces. A worker forked into a new PID namespace cannot name the
# master's pid, so it must be refused the table (ForeignNamespace) rather than take the
# master's locks. A whole process tree inside one PID namespace (a container), with its own
# /proc or with the host's, must work normally and still recover a killed writer's lock.
# Prints PASS/FAIL/SKIP lines; exit 1 if any case fails.
source "$(dirname "$0")/common.sh"
failed=0
label="worker in a child PID namespace"
if skip_unless_root "$label"; then
    run_case "$label" "${PHPX[@]}" "$STRESS" foreign "$SECONDS_EACH" "$label" || failed=1
fi
# bash stays the namespace's init: init ignores default-action signals, PHP's hang guard is one.
label="all in a new PID namespace with its own /proc"
if skip_unless_root "$label"; then
    run_case "$label" unshare -p -f --mount-proc bash -c '"$@"; exit $?' _ \
        "${PHPX[@]}" "$STRESS" same "$SECONDS_EACH" "$label" || failed=1
fi
label="all in a new PID namespace, host /proc"
if skip_unless_root "$label"; then
    run_case "$label" unshare -p -f bash -c '"$@"; exit $?' _ \
        "${PHPX[@]}" "$STRESS" same "$SECONDS_EACH" "$label" || failed=1
fi
exit $failed
