package dev.innovationgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j Community as an embedded DBMS that clients reach over Bolt on the loopback interface.
 *
 * <p>The parent process talks to it through three channels only: arguments in, one line on
 * standard output when the DBMS is up ({@code NEO4J_LAUNCHER READY <uri>}) or failed
 * ({@code NEO4J_LAUNCHER FAILED <reason>}), and standard input, whose end means "stop". Watching
 * standard input is what keeps a JVM from outliving its parent: when the parent exits for any
 * reason, even a kill, the pipe closes and the DBMS shuts down cleanly, releasing its store lock.
 */
public final class Launcher {

    private static final String READY = "NEO4J_LAUNCHER READY ";
    private static final String FAILED = "NEO4J_LAUNCHER FAILED ";
    private static final String STOPPED = "NEO4J_LAUNCHER STOPPED";

    private Launcher() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }

        DatabaseManagementService dbms;
        try {
            Files.createDirectories(options.home);
            dbms = build(options);
        } catch (Throwable e) {
            fail(describeStartFailure(e, options));
            return;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                dbms.shutdown();
            } finally {
                System.out.println(STOPPED);
                System.out.flush();
                stopped.countDown();
            }
        }, "neo4j-launcher-shutdown"));

        try {
            applyPassword(dbms, options);
        } catch (RuntimeException e) {
            fail("could not set the password of user neo4j: " + e.getMessage());
            System.exit(1);
            return;
        }

        System.out.println(READY + "bolt://127.0.0.1:" + options.boltPort);
        System.out.flush();

        waitForEndOfInput(System.in);
        System.exit(0);
    }

    private static DatabaseManagementService build(Options options) {
        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(options.home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", options.boltPort))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, options.password != null)
                .setConfig(GraphDatabaseSettings.pagecache_memory, options.pageCacheBytes);
        // The API closes its connections before stopping the DBMS, so Bolt need not wait for
        // stragglers; Netty's default quiet periods add about ten seconds to every shutdown.
        builder.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
        builder.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3));
        builder.setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1));
        // No usage reports from a development database, and none from a closed network.
        builder.setConfig(GraphDatabaseSettings.udc_enabled, false);
        // Keep transaction logs small: the embedded store is a working copy, not a backup source.
        builder.setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files");
        if (options.pluginsDir != null) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, options.pluginsDir);
            builder.setConfig(GraphDatabaseSettings.procedure_unrestricted, List.of("apoc.*"));
        }
        return builder.build();
    }

    /** With auth on, the initial user gets the password from the environment, never a default. */
    private static void applyPassword(DatabaseManagementService dbms, Options options) {
        if (options.password == null) {
            return;
        }
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        system.executeTransactionally(
                "ALTER USER neo4j IF EXISTS SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", options.password));
    }

    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input carries no commands; only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone: stop as on end of input.
        }
    }

    private static String describeStartFailure(Throwable error, Options options) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getSimpleName();
            String message = String.valueOf(cause.getMessage());
            if (name.contains("FileLock") || message.contains("lock")) {
                return "the data directory " + options.home
                        + " is locked by another running Neo4j; stop it first or choose another data directory";
            }
            if (name.contains("BindException") || message.contains("Address already in use")) {
                return "port " + options.boltPort + " on 127.0.0.1 is already in use; stop what holds it or choose another port";
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage()
                + (root != error ? " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")" : "");
    }

    private static void fail(String reason) {
        System.out.println(FAILED + reason.replace('\n', ' '));
        System.out.flush();
        System.exit(1);
    }

    /** Command-line options: {@code --home=DIR --bolt-port=N [--page-cache=256m] [--plugins=DIR]}. */
    static final class Options {
        final Path home;
        final int boltPort;
        final long pageCacheBytes;
        final Path pluginsDir;
        final String password;

        private Options(Path home, int boltPort, long pageCacheBytes, Path pluginsDir, String password) {
            this.home = home;
            this.boltPort = boltPort;
            this.pageCacheBytes = pageCacheBytes;
            this.pluginsDir = pluginsDir;
            this.password = password;
        }

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got: " + arg);
                }
                int eq = arg.indexOf('=');
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
            String home = values.get("home");
            if (home == null || home.isBlank()) {
                throw new IllegalArgumentException("--home=DIR is required");
            }
            int port = parsePort(values.getOrDefault("bolt-port", "7687"));
            long pageCache = parseBytes(values.getOrDefault("page-cache", "256m"));
            String plugins = values.get("plugins");
            String password = System.getenv("NEO4J_PASSWORD");
            if (password != null && password.isEmpty()) {
                password = null;
            }
            return new Options(Path.of(home).toAbsolutePath(), port, pageCache,
                    plugins == null ? null : Path.of(plugins).toAbsolutePath(), password);
        }

        private static int parsePort(String text) {
            try {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--bolt-port must be a whole number from 1 to 65535, got: " + text);
        }

        static long parseBytes(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT);
            long unit = 1;
            if (t.endsWith("g")) {
                unit = 1L << 30;
            } else if (t.endsWith("m")) {
                unit = 1L << 20;
            } else if (t.endsWith("k")) {
                unit = 1L << 10;
            }
            String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
            try {
                long value = Long.parseLong(digits) * unit;
                if (value > 0) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--page-cache must be a size such as 256m or 1g, got: " + text);
        }
    }
}
