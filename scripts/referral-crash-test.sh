#!/usr/bin/env bash
# R-2 crash test for the referral workflow (quality.md R-2), on PostgreSQL.
#
#  1. starts MedUnion as a separate process (java -jar) on PostgreSQL, with the referral webhook pointed at a
#     small local receiver that logs every delivered event id;
#  2. bursts referral submissions (POST /api/referrals, submit=true, each with its own Idempotency-Key) from
#     several parallel clients and records every acknowledged (201) referral;
#  3. kill -9 the application mid-burst;
#  4. restarts it (the Modulith event publication registry republishes incomplete publications on restart);
#  5. verifies: every acknowledged referral exists, is SUBMITTED with its CREATE and SUBMIT transitions and an
#     acceptance deadline; every acknowledged referral's ReferralSubmitted publication is completed; the webhook
#     receiver saw each acknowledged referral's event at least once (duplicates are allowed and counted).
#
# Usage: scripts/referral-crash-test.sh [db-url] [port]
# Needs: a built jar (./mvnw -o -q package -DskipTests), psql, curl, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
DB_URL=${1:-jdbc:postgresql://127.0.0.1:5432/medunion_test_referral}
PORT=${2:-18086}
HOOK_PORT=$((PORT + 1))
DB_NAME=${DB_URL##*/}
WORK=$(mktemp -d /tmp/referral-crash.XXXX)
JAR=$(ls target/medunion-*.jar | grep -v original | head -1)
PSQL="psql -h 127.0.0.1 -U ${MEDUNION_TEST_PG_USER:-postgres} -d $DB_NAME -At"
CLIENTS=${CLIENTS:-6}
PER_CLIENT=${PER_CLIENT:-150}
KILL_AFTER=${KILL_AFTER:-30}

echo "work dir $WORK, jar $JAR, db $DB_URL"
# a fresh schema so counts mean this run
$PSQL -c "drop schema public cascade; create schema public;" >/dev/null

# webhook receiver: logs each delivered event id (answers 204)
cat > "$WORK/hook.py" <<'PY'
import http.server, json, sys
log = open(sys.argv[2], "a", buffering=1)
class H(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        e = json.loads(body)
        log.write(e["eventId"] + " " + e["type"] + " " + e["number"] + "\n")
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$WORK/hook.py" "$HOOK_PORT" "$WORK/delivered.log" & HOOK_PID=$!

start_app() {
  MEDUNION_DB_URL=$DB_URL MEDUNION_DB_USER=${MEDUNION_TEST_PG_USER:-postgres} MEDUNION_DB_PASSWORD=${MEDUNION_TEST_PG_PASSWORD:-} \
  MEDUNION_DATA_DIR=$WORK/data java -Xmx512m -jar "$JAR" --server.port=$PORT \
    --medunion.webhooks.referral=http://127.0.0.1:$HOOK_PORT/hook >> "$WORK/app-$1.log" 2>&1 &
  APP_PID=$!
  for i in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "application did not start"; tail -50 "$WORK/app-$1.log"; exit 1
}

start_app 1
T0=$(date +%s.%N)
TOKEN=$(curl -fs -H 'Content-Type: application/json' -d '{"username":"integrator","password":"demo"}' \
  "http://127.0.0.1:$PORT/api/auth/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

burst() {
  local c=$1
  for n in $(seq 1 "$PER_CLIENT"); do
    local key="crash-$c-$n-$RANDOM$RANDOM"
    local body
    body=$(printf '{"direction":"UP","fromInstitutionId":"%s","toInstitutionId":"%s","residentId":"%s","reason":"crash test","diagnosisCode":"I10","diagnosisText":"hypertension","urgency":"URGENT","noCriteriaReason":"R-2","submit":true}' \
      "$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)" "$(cat /proc/sys/kernel/random/uuid)")
    local out
    out=$(curl -s -m 30 -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: $key" -d "$body" "http://127.0.0.1:$PORT/api/referrals" 2>/dev/null || true)
    local code=${out##*$'\n'}
    if [ "$code" = "201" ]; then
      echo "${out%$'\n'*}" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["id"], r["number"])' >> "$WORK/acked-$c.txt"
    else
      echo "$code" >> "$WORK/failed-$c.txt"
    fi
  done
}
for c in $(seq 1 "$CLIENTS"); do burst "$c" & done
sleep "$KILL_AFTER"
kill -9 "$APP_PID"
echo "killed -9 after ${KILL_AFTER}s"
wait $(jobs -p | grep -v "^$HOOK_PID$") 2>/dev/null || true
cat "$WORK"/acked-*.txt > "$WORK/acked.txt" 2>/dev/null || touch "$WORK/acked.txt"
ACKED=$(wc -l < "$WORK/acked.txt")
BURST_SECONDS=$(python3 -c "print(round($KILL_AFTER,1))")
echo "acknowledged before the kill: $ACKED (~$(python3 -c "print(round($ACKED/$KILL_AFTER,1))")/s)"

start_app 2
# give the registry's republication time to deliver
sleep 15

MISSING=0; INCONSISTENT=0; UNDELIVERED=0; INCOMPLETE=0
while read -r id number; do
  row=$($PSQL -c "select status, acceptance_deadline is not null, (select count(*) from referral_transition t where t.referral_id = r.id and t.action in ('CREATE','SUBMIT')) from referral_referral r where id = '$id'")
  if [ -z "$row" ]; then MISSING=$((MISSING+1)); continue; fi
  [ "$row" = "SUBMITTED|t|2" ] || { INCONSISTENT=$((INCONSISTENT+1)); echo "inconsistent $id: $row"; }
  done_pub=$($PSQL -c "select count(*) from event_publication where event_type like '%ReferralSubmitted' and serialized_event like '%$number%' and completion_date is not null")
  [ "$done_pub" -ge 1 ] || INCOMPLETE=$((INCOMPLETE+1))
  grep -q " ReferralSubmitted $number\$" "$WORK/delivered.log" || UNDELIVERED=$((UNDELIVERED+1))
done < "$WORK/acked.txt"
TOTAL_ROWS=$($PSQL -c "select count(*) from referral_referral")
DELIVERED=$(wc -l < "$WORK/delivered.log")
UNIQUE=$(cut -d' ' -f1 "$WORK/delivered.log" | sort -u | wc -l)
OPEN=$($PSQL -c "select count(*) from event_publication where completion_date is null")
kill "$APP_PID" "$HOOK_PID" 2>/dev/null || true

echo "R-2 referral crash: acknowledged=$ACKED rows=$TOTAL_ROWS missing=$MISSING inconsistent=$INCONSISTENT" \
     "publications-incomplete=$INCOMPLETE undelivered=$UNDELIVERED deliveries=$DELIVERED unique-events=$UNIQUE" \
     "duplicates=$((DELIVERED-UNIQUE)) open-publications=$OPEN"
[ "$MISSING" = 0 ] && [ "$INCONSISTENT" = 0 ] && [ "$INCOMPLETE" = 0 ] && [ "$UNDELIVERED" = 0 ] && echo PASS || { echo FAIL; exit 1; }
