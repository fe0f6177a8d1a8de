# Shared by the deployment tests: how to run PHP with the extension, and how to turn one run
# into one PASS/FAIL/SKIP line. Sourced, not run.
# RSIPC_SO overrides the extension (default: build/rsipc.so of this checkout), PHP the binary,
# DEPLOY_SECONDS the stress time of each case.
deploy_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SO=${RSIPC_SO:-$deploy_dir/../../build/rsipc.so}
PHP=${PHP:-php}
# posix is a shared module on Debian, built in elsewhere
ext_dir=$("$PHP" -n -r 'echo ini_get("extension_dir");')
POSIX=()
[ -f "$ext_dir/posix.so" ] && POSIX=(-d extension=posix)
PHPX=("$PHP" -n -d "extension=$SO" "${POSIX[@]}")
STRESS=$deploy_dir/stress.php
SECONDS_EACH=${DEPLOY_SECONDS:-3}

skip_unless_root() {  # label
    if [ "$(id -u)" != 0 ]; then echo "SKIP $1: needs root"; return 1; fi
    if ! command -v unshare >/dev/null; then echo "SKIP $1: no unshare(1)"; return 1; fi
    if [ ! -f "$SO" ]; then echo "FAIL $1: $SO not built"; return 1; fi
}

# run_case LABEL COMMAND...: runs a case under a time limit and prints its verdict line. No
# verdict: SKIP when unshare(1) itself refused (its message starts with "unshare:"), else FAIL
# (a hang or a crash). Returns 1 on FAIL.
run_case() {
    local label=$1; shift
    local out rc
    out=$(timeout -s KILL $((SECONDS_EACH + 60)) "$@" 2>&1); rc=$?
    local verdict
    verdict=$(grep -E '^(PASS|FAIL|SKIP) ' <<<"$out" | tail -1)
    if [ -n "$verdict" ]; then
        echo "$verdict"
        grep -vE '^(PASS|FAIL|SKIP) ' <<<"$out" | head -5 | sed 's/^/    /'
        [[ $verdict != FAIL* ]]
        return
    fi
    if [[ $out == unshare:* ]]; then
        echo "SKIP $label: ${out%%$'\n'*}"
        return 0
    fi
    echo "FAIL $label: no verdict (exit $rc${out:+: $(tail -1 <<<"$out")})"
    return 1
}
