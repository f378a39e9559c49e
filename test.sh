#!/usr/bin/env bash
# Runs the whole test suite: the one command the README gives, and what CI runs (.ci/run).
#
#   ./test.sh                                   everything
#   ./test.sh --filter "FullyQualifiedName~Data" any extra arguments go to `dotnet test`
#
# It installs what the tests use from Debian (Chromium for the browser tests, a CJK font for PDFs, zbarimg
# and poppler's pdftotext to read barcodes and PDFs independently of the app), restores the local dotnet
# tools, runs the tests with a TRX logger into TestResults/, and closes with CI's plain line
# "N passed, N failed[, N skipped]". It exits non-zero when a test failed, the build failed, or no test ran.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results_dir="TestResults"
debian_packages=(chromium fonts-wqy-microhei zbar-tools poppler-utils)

# ---- Debian packages (only what is missing; a second run does not touch apt) ----
installed() { dpkg -s "$1" 2>/dev/null | grep -q '^Status: install ok installed'; }

if command -v dpkg >/dev/null 2>&1; then
    missing=()
    for p in "${debian_packages[@]}"; do installed "$p" || missing+=("$p"); done
    if ((${#missing[@]})); then
        as_root=()
        if [ "$(id -u)" -ne 0 ]; then
            if command -v sudo >/dev/null 2>&1; then as_root=(sudo); else as_root=(false); fi
        fi
        if [ "${as_root[*]}" = "false" ]; then
            echo "test.sh: missing Debian packages (${missing[*]}) and not root without sudo: some tests will fail." >&2
        else
            echo "test.sh: installing ${missing[*]}" >&2
            "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 \
                && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 \
                || echo "test.sh: apt-get failed; tests that need ${missing[*]} will fail." >&2
        fi
    fi
else
    echo "test.sh: not a Debian machine; install ${debian_packages[*]} (or their equivalents) yourself." >&2
fi

# ---- the closing line ----
# Counts every <UnitTestResult> in the TRX files: Passed, NotExecuted (xunit's skip), everything else failed.
count_results() {
    if command -v python3 >/dev/null 2>&1; then
        python3 - "$@" <<'PY'
import sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError:
        failed += 1
        continue
    for r in root.iter():
        if r.tag.rsplit('}', 1)[-1] != 'UnitTestResult':
            continue
        outcome = r.get('outcome', '')
        if outcome == 'Passed':
            passed += 1
        elif outcome == 'NotExecuted':
            skipped += 1
        else:
            failed += 1
print(passed, failed, skipped)
PY
    else
        local outcomes
        outcomes=$(cat "$@" | grep -o '<UnitTestResult [^>]*>' | grep -o 'outcome="[A-Za-z]*"')
        echo "$(grep -c '"Passed"' <<<"$outcomes") $(grep -vc -e '"Passed"' -e '"NotExecuted"' <<<"$outcomes") $(grep -c '"NotExecuted"' <<<"$outcomes")"
    fi
}

closing_line() { # passed failed skipped
    if [ "$3" -gt 0 ]; then echo "$1 passed, $2 failed, $3 skipped"; else echo "$1 passed, $2 failed"; fi
}

# ---- tools, build and tests ----
if ! dotnet tool restore >&2; then
    echo "test.sh: dotnet tool restore failed" >&2
    closing_line 0 1 0
    exit 1
fi

mkdir -p "$results_dir"
rm -f "$results_dir"/*.trx

# The hang timeout keeps a stuck test from eating CI's 90 minutes: the test host is stopped and the run fails.
dotnet test LabLims.sln \
    --logger "trx" \
    --results-directory "$results_dir" \
    --blame-hang-timeout 10m --blame-hang-dump-type none \
    "$@"
status=$?

shopt -s nullglob
trx_files=("$results_dir"/*.trx)
shopt -u nullglob

if ((${#trx_files[@]} == 0)); then
    echo "test.sh: no test results (the build failed or no test project ran); dotnet test exited $status" >&2
    closing_line 0 1 0
    exit 1
fi

read -r passed failed skipped < <(count_results "${trx_files[@]}")
# dotnet test failed but no test did: a crashed test host, an aborted run, or a failed build of one project.
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
    echo "test.sh: dotnet test exited $status although no test failed (crash, abort or build error); counted as a failure" >&2
    failed=1
fi
if [ "$status" -eq 0 ] && [ $((passed + failed + skipped)) -eq 0 ] && [ $# -eq 0 ]; then
    echo "test.sh: no test ran" >&2
    failed=1
fi

closing_line "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ] || exit 1
exit 0
