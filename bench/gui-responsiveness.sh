#!/usr/bin/env bash
# Runs the GUI responsiveness harness (gpufaas.bench.GuiResponsivenessRun) headless on the reactor's
# own classes (target/classes of every module first, so a stale jar in ~/.m2 cannot stand in).
#   bench/gui-responsiveness.sh [events-per-second=20000] [seconds-per-tab=30] [tabs=live] [warm-up-seconds=20]
# Build first: mvn -q -B install -DskipTests
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
cp=""
for m in bench app views gpu-backend workload-presets scheduler-engine; do cp="$cp:$root/$m/target/classes"; done
cp="${cp#:}:$(cat "$root/bench/target/classpath.txt")"
opts=()
major=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
if [ "${major:-0}" -ge 24 ]; then opts=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow); fi
exec "$JAVA" "${opts[@]}" ${HARNESS_JAVA_OPTS:-} -cp "$cp" gpufaas.bench.GuiResponsivenessRun "$@"
