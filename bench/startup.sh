#!/usr/bin/env bash
# Start-up to ready on the embedded default. Builds the jar, then measures the seconds from launch
# until /actuator/health/readiness answers UP:
#   1. plain jar, empty database (the demo city is loaded before ready)
#   2. plain jar, existing database, and with the C1 compiler only, as ./mvnw spring-boot:run runs it
#   3. extracted jar with a class-data-sharing archive (the recommended way to run in production)
#   4. the same with the C1 compiler only (-XX:TieredStopAtLevel=1)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests package
jar="$PWD/$(ls target/anquan-*.jar | grep -v original | head -n 1)"
work=$(mktemp -d)
port=18080
trap 'rm -rf "$work"' EXIT

measure() { # label, then the java command line
  local label="$1"; shift
  local start end pid
  start=$(date +%s.%N)
  (cd "$work" && exec "$@" --server.port=$port > "$work/app.log" 2>&1) &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q UP; do
    kill -0 "$pid" 2>/dev/null || { echo "the application stopped; see $work/app.log" >&2; cat "$work/app.log" >&2; exit 1; }
    sleep 0.1
  done
  end=$(date +%s.%N)
  printf 'BENCH startup %-52s %6.2f s to ready (%s)\n' "$label" "$(echo "$end - $start" | bc)" \
    "$(grep -o 'Started AnquanApplication in [0-9.]* seconds' "$work/app.log" || true)"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

measure "plain jar, empty database + demo city" java -jar "$jar"
measure "plain jar, existing database" java -jar "$jar"
measure "plain jar + C1 only (as ./mvnw spring-boot:run)" java -XX:TieredStopAtLevel=1 -jar "$jar"
java -Djarmode=tools -jar "$jar" extract --destination "$work/app" > /dev/null
app="$work/app/$(basename "$jar")"
(cd "$work" && java -XX:ArchiveClassesAtExit="$work/app/anquan.jsa" -Dspring.context.exit=onRefresh -jar "$app" \
  --server.port=$port > "$work/train.log" 2>&1)
measure "CDS archive, existing database" java -XX:SharedArchiveFile="$work/app/anquan.jsa" -jar "$app"
measure "CDS archive + C1 only, existing database" java -XX:SharedArchiveFile="$work/app/anquan.jsa" -XX:TieredStopAtLevel=1 -jar "$app"
