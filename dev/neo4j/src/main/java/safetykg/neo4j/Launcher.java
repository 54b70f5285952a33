package safetykg.neo4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * Runs an embedded Neo4j 5.26 with Bolt on 127.0.0.1:PORT until SIGTERM or until STOP_FILE appears.
 *
 * Usage: Launcher HOME_DIR PORT PASSWORD_FILE STOP_FILE
 * An empty PASSWORD_FILE argument ("-") runs with auth disabled; otherwise auth is enabled and the
 * user neo4j gets the password in that file (set through the system database, no change required).
 * Prints "READY bolt://127.0.0.1:PORT" once Bolt accepts connections.
 *
 * Usage: Launcher import HOME_DIR IMPORT_ARGS...
 * Runs the real `neo4j-admin database import full` (neo4j-import-tool's command, in this JVM) on the
 * database directory under HOME_DIR, which no server may have open; IMPORT_ARGS are that command's
 * own (database name, --overwrite-destination, --nodes=..., ...). Exits with the command's status.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) { // Neo4j's threads would otherwise keep a failed launcher alive
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        if (args.length >= 2 && "import".equals(args[0])) {
            System.exit(importFull(Paths.get(args[1]).toAbsolutePath(),
                    java.util.Arrays.copyOfRange(args, 2, args.length)));
        }
        if (args.length != 4) {
            System.err.println("usage: Launcher HOME_DIR PORT PASSWORD_FILE|- STOP_FILE");
            System.exit(2);
        }
        Path home = Paths.get(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        boolean auth = !"-".equals(args[2]);
        Path stopFile = Paths.get(args[3]).toAbsolutePath();
        Files.deleteIfExists(stopFile);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                // Bolt otherwise waits 5 s per connector on shutdown, with nothing left to wait for
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, auth)
                .setConfig(GraphDatabaseSettings.udc_enabled, false) // no usage reports: no network at runtime
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                .setConfig(GraphDatabaseSettings.pagecache_memory,
                        Long.getLong("safetykg.pagecache", 256L * 1024 * 1024))
                // a development server takes no backups: keep only the live transaction log, else a
                // 10k-article load leaves ~7 GB of logs (and 100k would fill the disk)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "false")
                // logs are pruned at checkpoints: every minute rather than 15, or a long load keeps
                // a quarter of an hour of writes (25 GB at 37k articles)
                .setConfig(GraphDatabaseSettings.check_point_interval_time, Duration.ofMinutes(1));
        // dbms.memory.transaction.total.max (Neo4j's default: 70% of the heap); the tests set a small
        // one to show that the store's writer splits what does not fit
        Long txMax = Long.getLong("safetykg.txmax");
        if (txMax != null) {
            builder.setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMax);
        }
        DatabaseManagementService dbms = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("STOPPING");
            dbms.shutdown();
            System.out.println("STOPPED");
        }, "neo4j-shutdown"));

        if (auth) {
            String password = Files.readString(Paths.get(args[2]), StandardCharsets.UTF_8).strip();
            // embedded transactions run with full access, so the system database takes the password
            try {
                dbms.database("system").executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
            } catch (QueryExecutionException e) {
                if (!String.valueOf(e.getMessage()).contains("cannot be the same")) {
                    throw e; // anything but "already this password" is a real failure
                }
            }
        }
        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        while (!Files.exists(stopFile)) {
            Thread.sleep(200);
        }
        System.exit(0); // runs the shutdown hook
    }

    /** `neo4j-admin database import full IMPORT_ARGS` with HOME_DIR as NEO4J_HOME (its conf/ may be absent). */
    private static int importFull(Path home, String[] importArgs) throws Exception {
        Files.createDirectories(home);
        try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
            ExecutionContext ctx = new ExecutionContext(home, home.resolve("conf"), System.out, System.err, fs);
            CommandLine command = new CommandLine(new ImportCommand.Full(ctx));
            command.setCaseInsensitiveEnumValuesAllowed(true);
            int status = command.execute(importArgs);
            System.out.flush();
            System.err.flush();
            return status;
        }
    }
}
