#!/usr/bin/env bash
# R-2 crash test (quality.md R-2) — runs the same program as CI: the failsafe integration test
# org.medunion.crash.WorkflowCrashIT, which packages nothing itself but starts target/medunion-*.jar as a child
# process on its own PostgreSQL database (<test database>_r2, dropped and created), bursts referral submissions,
# acceptances and bookings, kills the process with SIGKILL while webhook publications are outstanding,
# restarts it and checks database and webhook receiver. See the class comment and docs/benchmarks.md ("R-2").
#
# Usage: scripts/referral-crash-test.sh [test-db-url]     (default: $MEDUNION_TEST_PG_URL or .../medunion_test)
# Tuning: CLIENTS=6 BURST_SECONDS=12 HOLD_MILLIS=1500. Figures: target/r2-crash/summary.txt, logs: target/r2-crash/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then export MEDUNION_TEST_PG_URL=$1; fi
exec ./mvnw -B -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=WorkflowCrashIT \
  -Dr2.clients="${CLIENTS:-6}" -Dr2.burstSeconds="${BURST_SECONDS:-12}" -Dr2.holdMillis="${HOLD_MILLIS:-1500}"
