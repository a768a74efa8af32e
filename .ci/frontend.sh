#!/usr/bin/env bash
# Front end CI: the recruiter web app in frontend/. Installs Debian's Chromium when missing
# (the end-to-end tests drive it; no browser is ever downloaded by Playwright), then checks
# the generated GraphQL types, types, component tests, the build and the end-to-end scenario
# against the real server. Any failure fails the run.
set -euo pipefail
cd "$(dirname "$0")/../frontend"

if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian's chromium for the end-to-end tests"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium >/dev/null
fi

report_dir="$(mktemp -d)"
trap 'rm -rf "$report_dir"' EXIT

# Runs a vitest suite, then prints its totals as one plain line ("name: N passed, N failed")
# whether it passed or not; exits with the suite's status when it failed.
run_vitest() {
    local name="$1"
    shift
    local status=0
    "$@" --reporter=default --reporter=json --outputFile.json="$report_dir/$name.json" || status=$?
    if [ -f "$report_dir/$name.json" ]; then
        node -e '
            const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
            console.log(`${process.argv[2]}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
        ' "$report_dir/$name.json" "$name"
    else
        echo "$name: no test report was written"
        [ "$status" -ne 0 ] || status=1
    fi
    if [ "$status" -ne 0 ]; then exit "$status"; fi
}

npm ci --no-audit --no-fund
npm run codegen:check
npm run typecheck
run_vitest vitest npm test -- --run
npm run build
run_vitest e2e npm run e2e --
