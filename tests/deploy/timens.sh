#!/bin/bash
# Table locks inside a time namespace whose boot clock is shifted (start times in /proc read
# differently there than on the host). A whole process tree inside it must work normally and
# recover killed writers. (A worker in a *different* time namespace than the table's creator is
# refused; PHP cannot build that, the cargo test waiter_in_another_time_namespace_is_refused
# does.) Prints PASS/FAIL/SKIP lines; exit 1 on FAIL.
source "$(dirname "$0")/common.sh"
label="all in a new time namespace, boot clock +100000 s"
skip_unless_root "$label" || exit 0
# bash stays the first process of the namespace pair; PHP runs as its child.
run_case "$label" unshare -T --boottime 100000 -f bash -c '"$@"; exit $?' _ \
    "${PHPX[@]}" "$STRESS" same "$SECONDS_EACH" "$label"
