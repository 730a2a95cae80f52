package org.medunion.crash;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged MedUnion jar as a child process ({@code java -jar}, no shell in between, so that
 * {@link #kill()} — {@code Process.destroyForcibly()}, SIGKILL on Linux — hits the JVM itself).
 */
final class ApplicationProcess {

    private final Process process;
    private final Path log;
    final String baseUrl;

    private ApplicationProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.baseUrl = "http://127.0.0.1:" + port;
    }

    /** The repackaged jar that {@code package} left in target/ (failsafe runs after it). */
    static Path jar() throws IOException {
        Path target = Path.of(System.getProperty("basedir", "."), "target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("medunion-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no medunion-*.jar in " + target.toAbsolutePath()
                            + ": run the integration tests through ./mvnw verify (the jar is built in package)"));
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static ApplicationProcess start(Path jar, String dbUrl, String dbUser, String dbPassword, String webhook,
                                    Path workDir, String name)
            throws IOException {
        int port = freePort();
        Path log = workDir.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the README's run flags (fast start-up on 2 cores) and a small heap
        var command = new java.util.ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m",
                "-jar", jar.toString(), "--server.port=" + port, "--spring.profiles.active=demo",
                "--medunion.webhooks.referral=" + webhook));
        // extra application arguments, e.g. to check that the test fails without republication on restart
        String extra = System.getProperty("r2.appArgs", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("MEDUNION_DB_URL", dbUrl);
        env.put("MEDUNION_DB_USER", dbUser);
        env.put("MEDUNION_DB_PASSWORD", dbPassword);
        env.put("MEDUNION_DATA_DIR", workDir.resolve("data").toString());
        env.remove("SPRING_PROFILES_ACTIVE");
        return new ApplicationProcess(builder.start(), log, port);
    }

    /** Waits for readiness (after the demo loader ran: the demo accounts exist then). */
    void awaitReady(Duration timeout) throws Exception {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("MedUnion exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("MedUnion not ready after " + timeout + ":\n" + logTail());
    }

    /** kill -9. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A polite stop (SIGTERM), forced after 30 s. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            kill();
        }
    }

    String logTail() {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
