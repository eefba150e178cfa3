#!/usr/bin/env bash
# The dev stack. Needs only a JDK 17+ on the PATH (or JAVA_HOME); Maven comes through ./mvnw.
#
#   ./mud start          build, then run broker (embedded, data in .data/kafka), world and gateway
#                        as separate processes; Ctrl-C stops them all
#   ./mud restart-world  rebuild the world and restart it alone (how a game developer loads new code)
#   ./mud test           run every test (what CI runs)
#   ./mud topics         create any missing topics on $MUD_KAFKA_BOOTSTRAP (an ops command)
#   ./mud bench [objects] [rounds]   the restart-gap benchmark (its own broker; prints figures)
set -euo pipefail
cd "$(dirname "$0")"

DATA=${MUD_DATA:-.data}
KAFKA_PORT=${MUD_KAFKA_PORT:-9092}
CONTROLLER_PORT=${MUD_KAFKA_CONTROLLER_PORT:-9093}
TELNET_PORT=${MUD_TELNET_PORT:-4000}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# the dev stack's settings, for the processes it starts (not for the tests, which choose their own)
dev_env() {
  export MUD_KAFKA_BOOTSTRAP=${MUD_KAFKA_BOOTSTRAP:-127.0.0.1:$KAFKA_PORT}
  export MUD_TELNET_PORT=$TELNET_PORT
  export MUD_TELNET_TLS_PORT=${MUD_TELNET_TLS_PORT:-4443}
  export MUD_GATEWAY_MANAGEMENT_PORT=${MUD_GATEWAY_MANAGEMENT_PORT:-8081}
  export MUD_WORLD_MANAGEMENT_PORT=${MUD_WORLD_MANAGEMENT_PORT:-8082}
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
    >>"$DATA/logs/$name.log" 2>&1 &
  echo $! >"$DATA/run/$name.pid"
}

count() { grep -c "$1" "$DATA/logs/world.log" 2>/dev/null || true; }

start_world() { # starts a world on the given management port; waits until it is active
  local before
  before=$(count " active: ")
  MUD_WORLD_MANAGEMENT_PORT=$1 launch world org.mudbackbone.world.WorldApplication world -Xmx1g
  echo "$1" >"$DATA/run/world.port"
  wait_for "world" '[[ $(count " active: ") -gt $before ]]' 120
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
  for p in "$KAFKA_PORT" "$CONTROLLER_PORT" "$TELNET_PORT" "$MUD_TELNET_TLS_PORT" "$MUD_GATEWAY_MANAGEMENT_PORT" "$MUD_WORLD_MANAGEMENT_PORT" \
    $((MUD_WORLD_MANAGEMENT_PORT + 2)); do
    if port_open "$p"; then log "port $p is in use: is a stack already running? (./mud stop)"; exit 1; fi
  done
  build
  mkdir -p "$DATA/kafka" "$DATA/logs" "$DATA/run"
  : >"$DATA/logs/broker.log"; : >"$DATA/logs/world.log"; : >"$DATA/logs/gateway.log"
  tail -n +1 -F "$DATA/logs/broker.log" "$DATA/logs/world.log" "$DATA/logs/gateway.log" 2>/dev/null &
  local tail_pid=$!
  trap 'trap - INT TERM; log "stopping the stack"; stop gateway; stop world; stop broker; kill $tail_pid 2>/dev/null; exit 0' INT TERM

  log "starting the broker on $MUD_KAFKA_BOOTSTRAP (data in $DATA/kafka)"
  launch broker org.mudbackbone.broker.embedded.EmbeddedKafkaMain broker-config \
    "-Xmx512m -Dlogback.configurationFile=logback-broker.xml" "$DATA/kafka" "$KAFKA_PORT" "$CONTROLLER_PORT"
  wait_for "broker" "port_open $KAFKA_PORT" 60
  log "starting the world"
  start_world "$MUD_WORLD_MANAGEMENT_PORT"
  log "starting the gateway"
  launch gateway org.mudbackbone.gateway.GatewayApplication gateway -Xmx512m
  wait_for "gateway" "port_open $TELNET_PORT" 60

  cat <<TXT

[mud] ===================================================================
[mud]  Ready. Play:     telnet localhost $TELNET_PORT   (TLS, self-signed: port $MUD_TELNET_TLS_PORT)
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

# Loads new world code with the shortest gap: the new world starts as a standby and reads the
# whole state while the old one still plays; only then is the old one stopped, and the new one
# takes over (about 0.7 s with 100,000 objects; see the README's performance section).
cmd_restart_world() {
  build -pl world -am
  mkdir -p "$DATA/logs" "$DATA/run"
  if ! alive world; then
    log "no world running: starting one"
    start_world "$MUD_WORLD_MANAGEMENT_PORT"
    return
  fi
  local old_pid old_port new_port warm_before active_before
  old_pid=$(cat "$DATA/run/world.pid")
  old_port=$(cat "$DATA/run/world.port" 2>/dev/null || echo "$MUD_WORLD_MANAGEMENT_PORT")
  # two worlds run side by side for a moment: the new one takes the other of two management ports
  new_port=$((old_port == MUD_WORLD_MANAGEMENT_PORT ? MUD_WORLD_MANAGEMENT_PORT + 2 : MUD_WORLD_MANAGEMENT_PORT))
  warm_before=$(count "standby warm")
  active_before=$(count " active: ")
  log "starting the new world as a standby"
  MUD_WORLD_MANAGEMENT_PORT=$new_port launch world org.mudbackbone.world.WorldApplication world -Xmx1g
  wait_for "new world (standby)" '[[ $(count "standby warm") -gt $warm_before ]]' 120
  log "stopping the old world (pid $old_pid); the new one takes over"
  kill -TERM "$old_pid"
  wait_for "new world (active)" '[[ $(count " active: ") -gt $active_before ]]' 60
  echo "$new_port" >"$DATA/run/world.port"
  log "world restarted; health: http://localhost:$new_port/health"
}

cmd_stop() { stop gateway; stop world; stop broker; }

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
  bench)
    build
    exec "$JAVA" ${MUD_BENCH_JVM:-} -cp "system-test/target/test-classes:$(cat system-test/target/test-classpath.txt)" \
      org.mudbackbone.systemtest.RestartGapBench "${@:2}" ;;
  *) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
