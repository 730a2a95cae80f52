#!/usr/bin/env bash
# Builds the stock HAPI FHIR JPA server used as the P-1 reference (docs/benchmarks.md, issue 12) from a pinned
# commit of hapifhir/hapi-fhir-jpaserver-starter. Nothing built here is committed: the war lands in $OUT.
#
#   bench/hapi/build.sh <clone of hapi-fhir-jpaserver-starter> [out dir]
#
# The pinned commit f267209b0 ("Update CR to 4.4.0": HAPI FHIR 8.8.0, Spring Boot 3.5.9, Java 17) is the newest whose
# artifacts the Maven Central this project builds against serves (later commits need hapi-fhir-jpaserver-base 8.10.0
# and cqf-fhir-cr-hapi 4.5.1). The build uses its own local repository so it cannot disturb MedUnion's ~/.m2.
set -euo pipefail
SRC=${1:?clone of hapi-fhir-jpaserver-starter}
OUT=${2:-/tmp/hapi-ref}
COMMIT=f267209b0
mkdir -p "$OUT/src"
git -C "$SRC" archive "$COMMIT" pom.xml src/main | tar -x -C "$OUT/src"
cd "$OUT/src"
mvn -B -ntp -Dmaven.repo.local="$OUT/m2" -DskipTests clean package spring-boot:repackage -Pboot
cp target/ROOT.war "$OUT/ROOT.war"
echo "built $OUT/ROOT.war from $COMMIT"
