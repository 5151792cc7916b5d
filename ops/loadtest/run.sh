#!/usr/bin/env bash
# Builds Fyren and the load-test harness, then runs the harness with the
# given options (see ops/benchmarks/README.md). Every server it measures
# runs in its own JVM; this one only drives the load.
#   ops/loadtest/run.sh --smoke                      # a few minutes, proves it works
#   ops/loadtest/run.sh --quick --results=ops/benchmarks/RESULTS.md   # full scale, short windows
#   ops/loadtest/run.sh --results=ops/benchmarks/RESULTS.md   # the capacity run
set -euo pipefail
cd "$(dirname "$0")/../.."

command="ops/loadtest/run.sh"
for arg in "$@"; do command+=" $(printf '%q' "$arg")"; done

./mvnw -q -B -DskipTests -Ploadtest -pl chat-server,ops/loadtest -am package

# Tens of thousands of sockets, each counted on both ends.
ulimit -n 1048576 2>/dev/null || ulimit -n "$(ulimit -Hn)"

status=0
java -Xms3g -Xmx3g -XX:+UseG1GC -jar ops/loadtest/target/fyren-loadtest.jar "--command=$command" "$@" || status=$?
echo "$command took $((SECONDS / 60)) min $((SECONDS % 60)) s, build included"
exit "$status"
