# The booking API and the worker, built from this repository (used by docker-compose.temporal.yml).
#   docker build --target api -t booking-api .
#   docker build --target worker -t booking-worker .
# Versions are pinned; bump them deliberately.

FROM eclipse-temurin:17.0.20.1_1-jdk-jammy AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY core/pom.xml core/
COPY workflows/pom.xml workflows/
COPY activities/pom.xml activities/
COPY worker/pom.xml worker/
COPY api/pom.xml api/
# Dependencies in their own layer, so a code change does not download them again.
RUN ./mvnw -q -B dependency:go-offline -DexcludeGroupIds=com.acme.booking || true
COPY . .
# The image talks to an external Temporal server: no CLI to obtain.
RUN ./mvnw -q -B -DskipTests -Dbooking.tools.skip=true package

FROM eclipse-temurin:17.0.20.1_1-jre-jammy AS runtime
# curl for the health checks; nothing else.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app booking
WORKDIR /app
USER booking

FROM runtime AS api
COPY --from=build /src/api/target/booking-api.jar /app/booking-api.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/booking-api.jar"]

FROM runtime AS worker
COPY --from=build /src/worker/target/booking-worker.jar /app/booking-worker.jar
# Actuator only (management.server.port): health probes and Prometheus.
EXPOSE 8081
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/booking-worker.jar"]
