#!/usr/bin/env bash
# Starts the reference HAPI FHIR JPA server on PostgreSQL with its stock configuration (docs/benchmarks.md P-1).
#   bench/hapi/run.sh [war] [port] [database]
set -euo pipefail
WAR=${1:-/tmp/hapi-ref/ROOT.war}
PORT=${2:-18302}
DB=${3:-medunion_bench_hapi}
createdb -h 127.0.0.1 -U postgres "$DB" 2>/dev/null || true
exec java -jar "$WAR" --server.port="$PORT" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$DB" \
  --spring.datasource.username=postgres --spring.datasource.password= \
  --spring.datasource.driverClassName=org.postgresql.Driver \
  --spring.jpa.properties.hibernate.dialect=ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect
