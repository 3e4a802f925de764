#!/usr/bin/env bash
# Builds the workbench as a jpackage app-image and a .deb, with a jlink'd Java runtime.
#   installer/build.sh            both (installer/target/gpufaas-workbench/ and installer/target/*.deb)
#   installer/build.sh image      only the app-image
# Needs a JDK >= 21 with jlink and jpackage (JAVA_HOME, else the newest under /usr/lib/jvm),
# Maven, and for the .deb: dpkg-deb and fakeroot. The .deb declares GTK 3, GL and a font as
# dependencies (jpackage's own computed list misses them).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
name="gpufaas-workbench"
what="${1:-all}"

jdk_major() {
  local v=""
  if [ -r "$1/release" ]; then v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"); fi
  printf '%s' "$v"
}
find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/jpackage" ]; then
    local v; v=$(jdk_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 21 ]; then printf '%s' "$JAVA_HOME"; return 0; fi
  fi
  local best="" bestv=0 d v
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/jpackage" ] && [ -x "$d/bin/jlink" ] || continue
    v=$(jdk_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  [ -n "$best" ] && printf '%s' "$best"
}
JDK="$(find_jdk || true)"
if [ -z "$JDK" ]; then
  echo "installer: no JDK 21 or newer with jlink and jpackage found (JAVA_HOME, /usr/lib/jvm/*); install e.g. Temurin 21 or 25" >&2
  exit 2
fi
export JAVA_HOME="$JDK" PATH="$JDK/bin:$PATH"
major=$(jdk_major "$JDK")
java_opts=()
mvn_opts=""
if [ "$major" -ge 24 ]; then
  java_opts=(--java-options "--enable-native-access=ALL-UNNAMED" --java-options "--sun-misc-unsafe-memory-access=allow")
  mvn_opts="--sun-misc-unsafe-memory-access=allow"
fi
echo "installer: JDK $major at $JDK" >&2

# 1. build the jars
cd "$root"
MAVEN_OPTS="${MAVEN_OPTS:-} $mvn_opts" mvn -B -q install -DskipTests
version=$(sed -n 's#.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*#\1#p' pom.xml | head -n1)

# 2. the class path: this build's module jars (not whatever is in ~/.m2) and the dependencies
rm -rf "$out"
mkdir -p "$out/input"
cp "app/target/app-"*.jar "$out/input/"
tr ':' '\n' < app/target/classpath.txt | while read -r jar || [ -n "$jar" ]; do
  [ -n "$jar" ] || continue
  case "$jar" in
    */io/gpufaas/*)
      m=$(basename "$(dirname "$(dirname "$jar")")")
      cp "$root/$m/target/$m-"*.jar "$out/input/" ;;
    *) cp "$jar" "$out/input/" ;;
  esac
done
rm -f "$out/input/"*-tests.jar "$out/input/"*-sources.jar
main_jar=$(cd "$out/input" && ls app-*.jar)

# 3. a runtime with the JDK modules the jars use; JavaFX stays on the class path with its natives.
#    (jdeps cannot resolve the JFreeChart modules' names, so the list is written out: AWT and ImageIO
#    for PNG export, logging, XML and SQL types for Jackson, Unsafe for JavaFX's Marlin renderer.)
mods="java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.zipfs,jdk.localedata"
jlink --add-modules "$mods" --strip-debug --no-header-files --no-man-pages --compress=zip-6 --output "$out/runtime"

# 4. the app-image. Its launcher gpufaas-workbench opens the GUI (no arguments) or runs a command, with
#    the GUI's low-pause collector (Shenandoah where the runtime has it, else ZGC; ./workbench makes the
#    same choice, docs/design-decisions.md 13); gpufaas-workbench-cli runs commands with the default
#    collector, G1, which simulates about 20 % faster (docs/perf/trace-throughput.md).
gc_opts=()
if "$out/runtime/bin/java" -XX:+UseShenandoahGC -version >/dev/null 2>&1; then gc_opts=(--java-options "-XX:+UseShenandoahGC")
elif [ "$major" -lt 23 ]; then gc_opts=(--java-options "-XX:+UseZGC" --java-options "-XX:+ZGenerational")
else gc_opts=(--java-options "-XX:+UseZGC"); fi
cli_props="$out/cli-launcher.properties"
# (an added launcher inherits the main one's options unless it names its own: it names G1 explicitly)
cli_opts="-XX:+UseG1GC"
if [ "$major" -ge 24 ]; then cli_opts="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow $cli_opts"; fi
printf 'description=GPU FaaS scheduling workbench, command line (G1 collector)\njava-options=%s\n' "$cli_opts" > "$cli_props"
jpackage --type app-image --name "$name" --app-version "$version" --dest "$out" \
  --input "$out/input" --main-jar "$main_jar" --main-class gpufaas.app.Main \
  --runtime-image "$out/runtime" "${java_opts[@]}" "${gc_opts[@]}" \
  --add-launcher "$name-cli=$cli_props" \
  --description "GPU FaaS scheduling workbench: MQFQ-Sticky and its competitors on simulated GPUs" \
  --vendor "gpufaas"
echo "installer: app-image $out/$name ($(du -sh "$out/$name" | cut -f1))" >&2

# 5. the .deb
if [ "$what" != "image" ]; then
  jpackage --type deb --name "$name" --app-version "$version" --dest "$out" \
    --app-image "$out/$name" \
    --linux-package-deps "libgtk-3-0, libgl1, fonts-dejavu-core" \
    --linux-menu-group "Development;Education" --linux-shortcut \
    --linux-deb-maintainer "gpufaas workbench <workbench@localhost>" \
    --description "GPU FaaS scheduling workbench: MQFQ-Sticky and its competitors on simulated GPUs" \
    --vendor "gpufaas"
  deb=$(ls "$out/"*.deb)
  echo "installer: package $deb ($(du -h "$deb" | cut -f1)); install with: sudo apt install $deb" >&2
fi
