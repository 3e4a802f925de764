#!/usr/bin/env bash
# Runs the GUI responsiveness harness (gpufaas.bench.GuiResponsivenessRun), headless or on a display, on the reactor's
# own classes (target/classes of every module first, so a stale jar in ~/.m2 cannot stand in).
#   bench/gui-responsiveness.sh [events-per-second=20000] [seconds-per-tab=30] [tabs=live] [warm-up-seconds=20]
#   GUI_HARNESS_SCREEN=display opens the window on $DISPLAY (a desktop, or: xvfb-run -a -s "-screen 0 1920x1200x24" bench/gui-responsiveness.sh ...)
#   HARNESS_JAVA_OPTS="-XX:+UseG1GC ..." adds JVM options (naming a collector replaces the launcher's choice)
# Build first, in this checkout (a reactor build; no install needed): mvn -q -B package -DskipTests -pl views,app,bench -am
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
cp=""
for m in bench app views gpu-backend workload-presets scheduler-engine; do cp="$cp:$root/$m/target/classes"; done
if [ ! -f "$root/bench/target/classpath.txt" ]; then
  echo "gui-responsiveness: build first: mvn -q -B package -DskipTests -pl views,app,bench -am" >&2
  exit 2
fi
# the third-party jars; this project's own modules come from the target/classes above, never from a jar in ~/.m2
deps=$(tr ':' '\n' < "$root/bench/target/classpath.txt" | grep -v '/io/gpufaas/' | paste -sd: -)
cp="${cp#:}:$deps"
opts=()
major=$("$JAVA" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n1)
if [ "${major:-0}" -ge 24 ]; then opts=(--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow); fi
# the collector ./workbench gives the GUI (Shenandoah where the JDK has it, else ZGC), unless HARNESS_JAVA_OPTS names one
case "${HARNESS_JAVA_OPTS:-}" in
  *GC*) ;;
  *) if "$JAVA" -XX:+UseShenandoahGC -version >/dev/null 2>&1; then opts+=(-XX:+UseShenandoahGC); else opts+=(-XX:+UseZGC); fi ;;
esac
exec "$JAVA" "${opts[@]}" ${HARNESS_JAVA_OPTS:-} -cp "$cp" gpufaas.bench.GuiResponsivenessRun "$@"
