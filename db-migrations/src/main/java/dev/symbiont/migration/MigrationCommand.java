package dev.symbiont.migration;

import java.io.PrintStream;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Operator command: {@code java -jar symbiont-db-migrations-<version>-cli.jar migrate|validate|info}.
 * Reads the same settings as the runtime: SYMBIONT_DB_URL, SYMBIONT_DB_USER, SYMBIONT_DB_PASSWORD
 * (or the system properties symbiont.db.url, symbiont.db.user, symbiont.db.password).
 */
public final class MigrationCommand {

    private MigrationCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "migrate" : args[0];
        String url = setting("symbiont.db.url", env);
        if (url == null) {
            err.println("SYMBIONT_DB_URL is not set (e.g. jdbc:postgresql://db.example.com:5432/symbiont)");
            return 2;
        }
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        String user = setting("symbiont.db.user", env);
        if (user != null) {
            dataSource.setUser(user);
        }
        String password = setting("symbiont.db.password", env);
        if (password != null) {
            dataSource.setPassword(password);
        }
        var migrator = new SchemaMigrator(dataSource);
        try {
            switch (command) {
                case "migrate" -> {
                    var result = migrator.migrate();
                    out.printf("schema at version %s (%d migration(s) applied)%n",
                            result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                            result.migrationsExecuted);
                }
                case "validate" -> {
                    migrator.validate();
                    out.println("applied migrations match the shipped ones");
                }
                case "info" -> out.print(migrator.info());
                default -> {
                    err.println("usage: migrate | validate | info");
                    return 2;
                }
            }
            return 0;
        } catch (RuntimeException e) {
            err.println(command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String setting(String property, Map<String, String> env) {
        String value = System.getProperty(property);
        if (value == null) {
            value = env.get(property.toUpperCase().replace('.', '_'));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
