#!/usr/bin/env bash
# Builds the workbench as a jpackage app-image and a .deb, with a jlink'd Java runtime.
#   installer/build.sh            both (installer/target/gpufaas-workbench/ and installer/target/*.deb)
#   installer/build.sh image      only the app-image
# Options: --out DIR (instead of installer/target); --no-maven (package the jars an earlier
# `mvn install` left in each module's target/, as the packaging test inside the Maven build does).
# Needs a JDK >= 21 with jlink and jpackage (JAVA_HOME, else the newest under /usr/lib/jvm),
# Maven, and for the .deb: dpkg-deb and fakeroot. The .deb declares GTK 3, GL and a font as
# dependencies (jpackage's own computed list misses them); its maintainer scripts come from
# installer/resources/ (a desktop menu entry only where a menu system is installed), and
# /usr/bin/gpufaas-workbench, /usr/bin/gpufaas-workbench-cli and their manual pages are files of the
# package (step 6).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
out="$here/target"
name="gpufaas-workbench"
what="all"
maven=yes
while [ $# -gt 0 ]; do
  case "$1" in
    all|image) what="$1" ;;
    --no-maven) maven=no ;;
    --out) [ $# -ge 2 ] || { echo "installer: --out needs a folder" >&2; exit 2; }; out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift ;;
    *) echo "installer: unknown argument '$1' (usage: installer/build.sh [all|image] [--out DIR] [--no-maven])" >&2; exit 2 ;;
  esac
  shift
done

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
if [ "$maven" = yes ]; then
  MAVEN_OPTS="${MAVEN_OPTS:-} $mvn_opts" mvn -B -q install -DskipTests -Dspotless.check.skip=true -pl '!sweep-spark,!installer'
elif ! ls app/target/app-*.jar >/dev/null 2>&1 || [ ! -f app/target/classpath.txt ]; then
  echo "installer: --no-maven, but app/target has no app jar or classpath.txt: build with 'mvn install' first" >&2
  exit 2
fi
version=$(sed -n 's#.*<version>\([0-9][0-9.]*\)\(-SNAPSHOT\)\{0,1\}</version>.*#\1#p' pom.xml | head -n1)

# 2. the class path: this build's module jars (not whatever is in ~/.m2) and the dependencies
#    (only this script's own outputs are replaced: --out may be a folder with other files)
rm -rf "$out/input" "$out/runtime" "$out/$name" "$out/jpackage-deb" "$out/deb-root" "$out/${name}_"*.deb
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
# (and it gets no desktop menu entry: only the GUI has one, added by the package's postinst)
printf 'description=GPU FaaS scheduling workbench, command line (G1 collector)\njava-options=%s\nlinux-shortcut=false\n' "$cli_opts" > "$cli_props"
jpackage --type app-image --name "$name" --app-version "$version" --dest "$out" \
  --input "$out/input" --main-jar "$main_jar" --main-class gpufaas.app.Main \
  --runtime-image "$out/runtime" "${java_opts[@]}" "${gc_opts[@]}" \
  --add-launcher "$name-cli=$cli_props" \
  --description "GPU FaaS scheduling workbench: MQFQ-Sticky and its competitors on simulated GPUs" \
  --vendor "gpufaas"
echo "installer: app-image $out/$name ($(du -sh "$out/$name" | cut -f1))" >&2

# 5. the .deb as jpackage makes it: /opt/gpufaas-workbench, the computed dependencies plus GTK 3, GL and
#    a font, and the maintainer scripts and control file of installer/resources/. No --linux-shortcut:
#    jpackage's own menu scripts fail without a desktop, make xdg-utils a dependency and give every
#    launcher an entry; the GUI's entry comes with step 6 and postinst. Left uncompressed: step 6
#    completes it and compresses once.
[ "$what" = image ] && exit 0
arch=$(dpkg --print-architecture)
DPKG_DEB_COMPRESSOR_TYPE=none jpackage --type deb --name "$name" --app-version "$version" --dest "$out/jpackage-deb" \
  --app-image "$out/$name" \
  --resource-dir "$here/resources" \
  --linux-package-deps "libgtk-3-0, libgl1, fonts-dejavu-core" \
  --linux-deb-maintainer "workbench@localhost" \
  --description "GPU FaaS scheduling workbench: MQFQ-Sticky and its competitors on simulated GPUs" \
  --vendor "gpufaas workbench"

# 6. what jpackage cannot put outside /opt, as files of the package (dpkg refuses to overwrite another
#    package's files with them and removes them with the package): the commands on PATH as links into
#    /opt, and their manual pages, written from the program's own command line model; the GUI's desktop
#    entry beside its icon (the command-line launcher has neither); the checksums dpkg --verify reads.
#    Compressed with gzip: the jars and the runtime's modules are compressed already, and xz made the
#    package only 5 % smaller (87 MB against 92 MB) in 20 times as long (80 s against 3.4 s, busy 2 cores)
stage="$out/deb-root"
dpkg-deb -R "$out/jpackage-deb/${name}_${version}_${arch}.deb" "$stage"
mkdir -p "$stage/usr/bin" "$stage/usr/share/man/man1"
ln -s "/opt/$name/bin/$name" "$stage/usr/bin/$name"
ln -s "/opt/$name/bin/$name-cli" "$stage/usr/bin/$name-cli"
cp "$here/resources/$name.desktop" "$stage/opt/$name/lib/$name.desktop"
rm -f "$stage/opt/$name/lib/$name-cli.png"
manpage() { # launcher, summary, about, see-also
  "$out/runtime/bin/java" -cp "$out/input/*" gpufaas.app.ManPage "$1" "$2" "$3" "$stage/usr/share/man/man1/$1.1" "$4"
  gzip -9n "$stage/usr/share/man/man1/$1.1"
}
manpage "$name" "GPU FaaS scheduling workbench: the window, and every command given one" \
  "gpufaas-workbench without a command opens the window (it needs a desktop session: DISPLAY or WAYLAND_DISPLAY); with a command it runs it headless. It runs with a low-pause garbage collector, so the window does not stall; gpufaas-workbench-cli runs the same commands faster." \
  "$name-cli(1)"
manpage "$name-cli" "GPU FaaS scheduling workbench, command line" \
  "gpufaas-workbench-cli is the same program as gpufaas-workbench with the G1 garbage collector, which simulates about 20 % faster than the window's low-pause collector: for servers, scripts and long runs. It has no desktop menu entry." \
  "$name(1)"
sed -i -e "s/ ,/,/g" -e "s/^Installed-Size: .*/Installed-Size: $(du -s -k --apparent-size --exclude=DEBIAN "$stage" | cut -f1)/" "$stage/DEBIAN/control"
( cd "$stage" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum ) > "$stage/DEBIAN/md5sums"
deb="$out/${name}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
rm -rf "$stage" "$out/jpackage-deb"
echo "installer: package $deb ($(du -h "$deb" | cut -f1)); install with: sudo apt-get install $deb" >&2
