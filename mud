#!/usr/bin/env bash
# The dev stack. Needs only a JDK 17+ on the PATH (or JAVA_HOME); Maven comes through ./mvnw.
#
#   ./mud start          build, then run broker (embedded, data in .data/kafka), world and gateway
#                        as separate processes; Ctrl-C stops them all
#   ./mud restart-world  rebuild the world and restart it alone (how a game developer loads new code)
#   ./mud test           run every test (what CI runs)
#   ./mud topics         create any missing topics on $MUD_KAFKA_BOOTSTRAP (an ops command)
#   ./mud acls <world-user> [gateway-id=gateway-user...]  the game's ACLs on a secured cluster (an ops command)
#   ./mud bench [objects] [rounds]   the restart-gap benchmark (its own broker; prints figures)
#   ./mud load [options] players (telnet, WebSocket or HTTP) saying lines on a fixed schedule against a running stack;
#                        prints round-trip percentiles, writes $MUD_DATA/load-report.json (--help: options)
#   ./mud jmh [JMH options]  microbenchmarks of the hot paths: telnet decode, markup render, the
#                        contract's serialization, one command through the world's handler
#   ./mud scenarios [--quick] [--idle N] [--idle-only]  the standard load scenarios on a fresh stack of their own
#                        (ports 14000/19092...), each also through the floor (an echo in place of the
#                        world); writes target/scenarios/report.md, report.json and latency.png
set -euo pipefail
cd "$(dirname "$0")"

DATA=${MUD_DATA:-.data}
KAFKA_PORT=${MUD_KAFKA_PORT:-9092}
CONTROLLER_PORT=${MUD_KAFKA_CONTROLLER_PORT:-9093}
TELNET_PORT=${MUD_TELNET_PORT:-4000}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# the dev stack's settings, for the processes it starts (not for the tests, which choose their own)
dev_env() {
  # a single-node broker: topics of one replica (services refuse that outside development mode)
  export MUD_DEV_MODE=true
  export MUD_KAFKA_BOOTSTRAP=${MUD_KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}
  export MUD_TELNET_PORT=$TELNET_PORT
  export MUD_TELNET_TLS_PORT=${MUD_TELNET_TLS_PORT:-4443}
  export MUD_WEB_PORT=${MUD_WEB_PORT:-4080}
  export MUD_HTTP_PORT=${MUD_HTTP_PORT:-4090}
  export MUD_GATEWAY_MANAGEMENT_PORT=${MUD_GATEWAY_MANAGEMENT_PORT:-8081}
  export MUD_WORLD_MANAGEMENT_PORT=${MUD_WORLD_MANAGEMENT_PORT:-8082}
  # `./mud load` connects hundreds of players from loopback within seconds: the per-address limits
  # (32 connections, 4 new a second, 4 logins at once) would refuse them; set these to the production
  # defaults (32, 4, 4) to try the limits
  export MUD_CONNECTIONS_PER_ADDRESS=${MUD_CONNECTIONS_PER_ADDRESS:-100000}
  export MUD_ACCEPTS_PER_SECOND=${MUD_ACCEPTS_PER_SECOND:-100000}
  export MUD_HASHES_PER_ADDRESS=${MUD_HASHES_PER_ADDRESS:-100000}
  # the embedded broker allows a 3 s leader-group session (a stock broker's minimum is 6 s)
  export MUD_WORLD_LEADER_TIMEOUT_MS=${MUD_WORLD_LEADER_TIMEOUT_MS:-3000}
}

log() { printf '[mud] %s\n' "$*"; }

build() {
  log "building (./mvnw package, tests skipped)"
  ./mvnw -q -B -DskipTests package "$@"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # what, check command, seconds
  local what=$1 check=$2 seconds=$3
  for ((i = 0; i < seconds * 5; i++)); do
    if eval "$check"; then return 0; fi
    sleep 0.2
  done
  log "$what did not come up in ${seconds}s; see $DATA/logs/"
  return 1
}

alive() { [[ -f $DATA/run/$1.pid ]] && kill -0 "$(cat "$DATA/run/$1.pid")" 2>/dev/null; }

launch() { # name, main class, module, JVM options (one word each, space-separated), program arguments...
  local name=$1 main=$2 module=$3 jvm=$4
  shift 4
  # shellcheck disable=SC2086
  setsid nohup "$JAVA" $jvm -cp "$module/target/$module.jar:$module/target/lib/*" "$main" "$@" \
    >>"$DATA/logs/${name%-next}.log" 2>&1 &
  echo $! >"$DATA/run/$name.pid"
}

start_world() { # starts a world on the given management port; waits until it is active
  MUD_WORLD_MANAGEMENT_PORT=$1 launch world org.mudbackbone.world.WorldApplication world "-Xmx1g ${MUD_WORLD_JVM:-}"
  echo "$1" >"$DATA/run/world.port"
  wait_for "world" "role_is $1 ACTIVE" 120
}

stop() { # name
  if alive "$1"; then
    local pid
    pid=$(cat "$DATA/run/$1.pid")
    log "stopping $1 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 150; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$DATA/run/$1.pid"
}

cmd_start() {
  # the gateway holds a file per connection, up to its open-file limit less 512: raise it as far as allowed
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  for p in "$KAFKA_PORT" "$CONTROLLER_PORT" "$TELNET_PORT" "$MUD_TELNET_TLS_PORT" "$MUD_WEB_PORT" "$MUD_HTTP_PORT" "$MUD_GATEWAY_MANAGEMENT_PORT" "$MUD_WORLD_MANAGEMENT_PORT" \
    $((MUD_WORLD_MANAGEMENT_PORT + 2)); do
    if port_open "$p"; then log "port $p is in use: is a stack already running? (./mud stop)"; exit 1; fi
  done
  build
  mkdir -p "$DATA/kafka" "$DATA/logs" "$DATA/run"
  : >"$DATA/logs/broker.log"; : >"$DATA/logs/world.log"; : >"$DATA/logs/gateway.log"
  tail -n +1 -F "$DATA/logs/broker.log" "$DATA/logs/world.log" "$DATA/logs/gateway.log" 2>/dev/null &
  local tail_pid=$!
  trap 'trap - INT TERM; log "stopping the stack"; stop gateway; stop world-next; stop world; stop broker; kill $tail_pid 2>/dev/null; exit 0' INT TERM

  log "starting the broker on $MUD_KAFKA_BOOTSTRAP (data in $DATA/kafka)"
  launch broker org.mudbackbone.broker.embedded.EmbeddedKafkaMain broker-embedded \
    "-Xmx512m -Dlogback.configurationFile=logback-broker.xml" "$DATA/kafka" "$KAFKA_PORT" "$CONTROLLER_PORT"
  wait_for "broker" "port_open $KAFKA_PORT" 60
  log "starting the world"
  start_world "$MUD_WORLD_MANAGEMENT_PORT"
  log "starting the gateway"
  launch gateway org.mudbackbone.gateway.GatewayApplication gateway -Xmx512m
  wait_for "gateway" "port_open $TELNET_PORT" 60

  cat <<TXT

[mud] ===================================================================
[mud]  Ready. Play:     http://localhost:$MUD_WEB_PORT/   (the web client, in a browser)
[mud]                  telnet localhost $TELNET_PORT   (TLS, self-signed: port $MUD_TELNET_TLS_PORT)
[mud]                  http://localhost:$MUD_HTTP_PORT/api/v1   (the session API; see README, curl)
[mud]  Health/metrics: http://localhost:$MUD_GATEWAY_MANAGEMENT_PORT/health  (gateway)
[mud]                  http://localhost:$MUD_WORLD_MANAGEMENT_PORT/health  (world; after a restart-world it
[mud]                  alternates with port $((MUD_WORLD_MANAGEMENT_PORT + 2))), /prometheus on both
[mud]  Load new world code: ./mud restart-world      Stop everything: Ctrl-C
[mud] ===================================================================

TXT
  while alive broker && alive gateway; do sleep 1; done
  log "a process of the stack exited; see $DATA/logs/"
  stop gateway; stop world; stop broker; kill $tail_pid 2>/dev/null
  exit 1
}

# The world's own /health on a management port (plain bash: no curl needed), or nothing.
health() {
  { exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET /health HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3; } 2>/dev/null
  exec 3>&- 2>/dev/null || true
}
role_is() { health "$1" | grep -q "\"role\":\"$2\""; }
warm_standby() { local h; h=$(health "$1"); [[ $h == *'"role":"STANDBY"'* && $h == *'"warm":true'* ]]; }

# Loads new world code with the shortest gap: the new world starts as a standby and reads the
# whole state while the old one still plays; only once it has caught up (to the end of the state
# as it was when it looked, however busy the game) is the old one stopped, and the new one takes
# over (about 1 s; see the README). Which world is active is read from each world's /health, never
# guessed from logs. If the new world does not come up warm, it is stopped and the old one plays on.
cmd_restart_world() {
  build -pl world -am
  mkdir -p "$DATA/logs" "$DATA/run"
  if ! alive world; then
    log "no world running: starting one"
    start_world "$MUD_WORLD_MANAGEMENT_PORT"
    return
  fi
  local old_pid old_port new_port new_pid
  old_pid=$(cat "$DATA/run/world.pid")
  old_port=$(cat "$DATA/run/world.port" 2>/dev/null || echo "$MUD_WORLD_MANAGEMENT_PORT")
  if ! role_is "$old_port" ACTIVE; then
    log "the running world (pid $old_pid, port $old_port) does not say it is active; see http://localhost:$old_port/health"
  fi
  # two worlds run side by side for a moment: the new one takes the other of two management ports
  new_port=$((old_port == MUD_WORLD_MANAGEMENT_PORT ? MUD_WORLD_MANAGEMENT_PORT + 2 : MUD_WORLD_MANAGEMENT_PORT))
  if port_open "$new_port"; then
    log "port $new_port is in use (a world left over from an earlier restart?); stop it first"
    exit 1
  fi
  log "starting the new world as a standby (management port $new_port)"
  MUD_WORLD_MANAGEMENT_PORT=$new_port launch world-next org.mudbackbone.world.WorldApplication world -Xmx1g
  new_pid=$(cat "$DATA/run/world-next.pid")
  if ! wait_for "new world (warm standby)" "warm_standby $new_port" 120; then
    stop world-next
    log "restart failed: the old world (pid $old_pid) keeps playing"
    exit 1
  fi
  log "stopping the old world (pid $old_pid); the new one (pid $new_pid) takes over"
  kill -TERM "$old_pid"
  if ! wait_for "new world (active)" "role_is $new_port ACTIVE" 60; then
    log "the new world (pid $new_pid) has not taken over; it keeps standing by. See $DATA/logs/world.log"
    mv "$DATA/run/world-next.pid" "$DATA/run/world.pid"
    echo "$new_port" >"$DATA/run/world.port"
    exit 1
  fi
  mv "$DATA/run/world-next.pid" "$DATA/run/world.pid"
  echo "$new_port" >"$DATA/run/world.port"
  log "world restarted; health: http://localhost:$new_port/health"
}

# The standard scenarios on a stack of their own (fresh data, ports beside the dev stack's), with a
# floor next to it: a second gateway and EchoWorld, the least an exactly-once world can do, on a
# namespace of their own in the same broker.
cmd_scenarios() {
  # D holds 20,000 connections: the load client and the gateway each need a descriptor per connection
  # and more (raising the hard limit needs root; otherwise D reports what the limit allowed)
  ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  DATA=target/scenarios-stack
  KAFKA_PORT=19092 CONTROLLER_PORT=19093 TELNET_PORT=14000
  # scenario C asks up to 128 lines a second of each player: the typing limit would measure itself
  export MUD_LINES_PER_SECOND=100000 MUD_LINE_BURST=100000
  # D holds connections that never log in for minutes: the login deadline would close them
  export MUD_LOGIN_SECONDS=100000
  export MUD_TELNET_TLS_PORT=-1 MUD_WEB_PORT=14080 MUD_HTTP_PORT=14090 MUD_GATEWAY_MANAGEMENT_PORT=18081 MUD_WORLD_MANAGEMENT_PORT=18082
  dev_env
  for p in "$KAFKA_PORT" "$CONTROLLER_PORT" "$TELNET_PORT" 14100 18081 18082 18083; do
    if port_open "$p"; then log "port $p is in use: is a scenario run already going?"; exit 1; fi
  done
  build
  rm -rf "$DATA"
  mkdir -p "$DATA/kafka" "$DATA/logs" "$DATA/run"
  trap 'trap - INT TERM EXIT; stop gateway-floor; stop echo; stop gateway; stop world; stop broker' INT TERM EXIT
  log "starting a fresh broker, world and gateway (logs in $DATA/logs; JFR recordings in $DATA/*.jfr)"
  # each process records a flight recording for the whole run: `jfr print --events jdk.ExecutionSample`
  # or JDK Mission Control shows where its CPU went
  local jfr="-XX:StartFlightRecording=dumponexit=true,filename=$DATA"
  launch broker org.mudbackbone.broker.embedded.EmbeddedKafkaMain broker-embedded \
    "-Xmx512m -Dlogback.configurationFile=logback-broker.xml $jfr/broker.jfr" "$DATA/kafka" "$KAFKA_PORT" "$CONTROLLER_PORT"
  wait_for "broker" "port_open $KAFKA_PORT" 60
  MUD_WORLD_JVM="$jfr/world.jfr" start_world "$MUD_WORLD_MANAGEMENT_PORT"
  launch gateway org.mudbackbone.gateway.GatewayApplication gateway "-Xmx512m $jfr/gateway.jfr"
  log "starting the floor: EchoWorld and a gateway of its own (namespace floor, port 14100)"
  launch echo org.mudbackbone.bench.floor.EchoWorld bench -Xmx512m "$MUD_KAFKA_BOOTSTRAP" floor
  MUD_NAMESPACE=floor MUD_GATEWAY_ID=gw-floor MUD_TELNET_PORT=14100 MUD_WEB_PORT=14180 MUD_HTTP_PORT=14190 MUD_GATEWAY_MANAGEMENT_PORT=18083 \
    launch gateway-floor org.mudbackbone.gateway.GatewayApplication gateway -Xmx512m
  wait_for "gateway" "port_open $TELNET_PORT" 60
  wait_for "floor gateway" "port_open 14100" 60
  "$JAVA" ${MUD_LOAD_JVM:-} -cp "bench/target/bench.jar:bench/target/lib/*" org.mudbackbone.bench.scenario.Scenarios \
    --world-port "$TELNET_PORT" --web-port "$MUD_WEB_PORT" --http-port "$MUD_HTTP_PORT" --floor-web-port 14180 --floor-http-port 14190 --bootstrap "127.0.0.1:$KAFKA_PORT" --floor-port 14100 --gateway-pid "$(cat "$DATA/run/gateway.pid")" \
    --gateway-metrics "http://127.0.0.1:$MUD_GATEWAY_MANAGEMENT_PORT/prometheus" \
    --world-metrics "http://127.0.0.1:$MUD_WORLD_MANAGEMENT_PORT/prometheus" --out target/scenarios "$@"
  stop gateway-floor; stop echo; stop gateway; stop world; stop broker
  local p
  for p in world gateway broker; do
    echo "## $p: top frames of its CPU samples over the whole run (JFR)"
    echo '```'
    hot_frames "$DATA/$p.jfr"
    echo '```'
  done >target/scenarios/profile.md
  log "profiles: target/scenarios/profile.md (and $DATA/*.jfr)"
}

# The 15 methods most often on top of a JFR recording's CPU samples.
hot_frames() {
  local jfr
  jfr="$(dirname "$(readlink -f "$(command -v "$JAVA")")")/jfr"
  "$jfr" print --events jdk.ExecutionSample "$1" 2>/dev/null |
    awk '/stackTrace = \[/ { getline; sub(/^[ \t]+/, ""); sub(/[ \t]+line:.*/, ""); print }' |
    sort | uniq -c | sort -rn | head -15 || true # head closes the pipe early: not a failure
}

# JMH benchmarks live in each module's test sources, next to the code they measure (some of it
# package-private). The gateway's test classpath holds the contract's too, the world's its own.
cmd_jmh() {
  log "building the benchmarks (test-compile)"
  ./mvnw -q -B -DskipTests -pl broker-config,gateway,world test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/jmh-classpath.txt
  mkdir -p target
  local m include
  for m in gateway world; do
    include=$([[ $m == gateway ]] && echo 'org\.mudbackbone\.(broker|gateway)\.' || echo 'org\.mudbackbone\.world\.')
    "$JAVA" -cp "$m/target/test-classes:$m/target/classes:$(cat "$m/target/jmh-classpath.txt")" org.openjdk.jmh.Main \
      -rf json -rff "target/jmh-$m.json" "$@" "$include"
  done
}

cmd_stop() { stop gateway; stop world-next; stop world; stop broker; }

case "${1:-}" in
  start) dev_env; cmd_start ;;
  restart-world) dev_env; cmd_restart_world ;;
  stop) cmd_stop ;;
  test) shift; exec ./mvnw -B verify "$@" ;;
  topics)
    dev_env
    build -pl broker-config
    exec "$JAVA" -cp "broker-config/target/broker-config.jar:broker-config/target/lib/*" \
      org.mudbackbone.broker.topic.TopicProvisioner "$MUD_KAFKA_BOOTSTRAP" "${MUD_NAMESPACE:-mud}" "${@:2}" ;;
  acls)
    # the game's ACLs on a secured cluster, signed in as an administrator (MUD_KAFKA_* settings)
    build -pl broker-config
    exec "$JAVA" -cp "broker-config/target/broker-config.jar:broker-config/target/lib/*" \
      org.mudbackbone.broker.security.Acls "${MUD_KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}" "${MUD_NAMESPACE:-mud}" "${@:2}" ;;
  bench)
    build
    exec "$JAVA" ${MUD_BENCH_JVM:-} -cp "system-test/target/test-classes:$(cat system-test/target/test-classpath.txt)" \
      org.mudbackbone.systemtest.RestartGapBench "${@:2}" ;;
  scenarios) shift; cmd_scenarios "$@" ;;
  jmh) shift; cmd_jmh "$@" ;;
  load)
    build -pl bench -am
    mkdir -p "$DATA"
    # the stack's port and report place first: options given after them win
    exec "$JAVA" ${MUD_LOAD_JVM:-} -cp "bench/target/bench.jar:bench/target/lib/*" org.mudbackbone.bench.LoadMain \
      --telnet-port "$TELNET_PORT" --web-port "${MUD_WEB_PORT:-4080}" --http-port "${MUD_HTTP_PORT:-4090}" \
      --json "$DATA/load-report.json" "${@:2}" ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
