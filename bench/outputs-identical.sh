#!/usr/bin/env bash
# Are the outputs of every preset under every policy byte-identical to those of another commit?
#   bench/outputs-identical.sh BASE_REF
# Builds BASE_REF in a temporary worktree and the working tree here (both with -DskipTests, without
# sweep-spark and the installer), runs bench/outputs/RunEveryPreset.java against each build's class
# path (every preset x every registered policy, on the simulator), and compares every output file
# byte for byte, except wall_ms and events_per_s in summary.json (the run's wall-clock time and its
# events per wall-clock second). Prints each difference
# and exits 1 if there is one, 0 if none. Needs git, Maven and a JDK >= 21 (JAVA_HOME, else Temurin 25).
set -euo pipefail
base_ref="${1:?usage: bench/outputs-identical.sh BASE_REF}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
tmp="$(mktemp -d)"
cleanup() { git -C "$root" worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"; }
trap cleanup EXIT

build() { # build DIR: compile the modules the command line needs, in DIR's own target folders
  (cd "$1" && mvn -B -q -o package -DskipTests -pl app -am >/dev/null 2>&1 || (cd "$1" && mvn -B -q package -DskipTests -pl app -am))
}
run_all() { # run_all DIR OUT: both builds write to the same folder (manifests record the command), then it moves
  local cp="$1/app/target/classes:$(cat "$1/app/target/classpath.txt")"
  rm -rf "$tmp/runner" "$tmp/out"
  mkdir -p "$tmp/runner"
  javac -cp "$cp" -d "$tmp/runner" "$root/bench/outputs/RunEveryPreset.java"
  java -cp "$cp:$tmp/runner" RunEveryPreset "$tmp/out"
  mv "$tmp/out" "$2"
}

git -C "$root" worktree add --detach "$tmp/base" "$base_ref" >/dev/null
echo "building $base_ref and the working tree..." >&2
build "$tmp/base"
build "$root"
echo "running every preset under every policy with each build..." >&2
run_all "$tmp/base" "$tmp/before"
run_all "$root" "$tmp/after"

differ=0
while IFS= read -r f; do
  rel="${f#$tmp/before/}"
  g="$tmp/after/$rel"
  if [ ! -f "$g" ]; then echo "only before: $rel"; differ=1; continue; fi
  case "$rel" in
    */summary.json) if ! diff -q <(grep -v -e '"wall_ms"' -e '"events_per_s"' "$f") <(grep -v -e '"wall_ms"' -e '"events_per_s"' "$g") >/dev/null; then echo "differs: $rel"; differ=1; fi ;;
    *) if ! cmp -s "$f" "$g"; then echo "differs: $rel"; differ=1; fi ;;
  esac
done < <(find "$tmp/before" -type f | sort)
while IFS= read -r g; do
  rel="${g#$tmp/after/}"
  [ -f "$tmp/before/$rel" ] || { echo "only after: $rel"; differ=1; }
done < <(find "$tmp/after" -type f | sort)
runs=$(wc -l < "$tmp/after/status.txt")
if [ "$differ" = 0 ]; then echo "identical: $runs runs (every preset x every policy), every file"; fi
exit "$differ"
