# Spinout in a container: the first stage builds the jar with Maven, the second runs it on a
# Java 17 runtime as an unprivileged user, keeping the embedded database in a volume.
FROM maven:3.9-eclipse-temurin-17 AS build
# Node.js and npm bundle the process designers' editors (frontend/) during the Maven build.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
COPY pom.xml ./
RUN mvn -B -q dependency:go-offline
COPY frontend ./frontend
COPY src ./src
COPY processes ./processes
COPY forms ./forms
RUN mvn -B -q -DskipTests package && cp target/spinout-*.jar /build/spinout.jar

FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system spinout \
 && useradd --system --gid spinout --home-dir /opt/spinout --shell /usr/sbin/nologin spinout \
 && mkdir -p /opt/spinout/data \
 && chown -R spinout:spinout /opt/spinout
WORKDIR /opt/spinout
COPY --from=build --chown=spinout:spinout /build/spinout.jar ./spinout.jar
USER spinout
ENV SPINOUT_DATA_DIR=/opt/spinout/data
VOLUME ["/opt/spinout/data"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/spinout/spinout.jar"]
