import java.sql.DriverManager;

/**
 * The sell-out benchmark's MariaDB client (no mariadb CLI on the bench machine): runs each SQL argument on
 * {@code jdbc:mariadb://$BENCH_DB_HOST:$BENCH_DB_PORT/$BENCH_DB_NAME} as $BENCH_DB_USER (password from the file
 * $BENCH_DB_PASSWORD_FILE) and prints a query's rows tab-separated.
 *
 * <pre>java -cp mariadb-java-client.jar dmz-api/bench/Sql.java "SELECT 1"</pre>
 */
class Sql {

    public static void main(String[] args) throws Exception {
        var env = System.getenv();
        var url = "jdbc:mariadb://" + env.getOrDefault("BENCH_DB_HOST", "127.0.0.1") + ":"
                + env.getOrDefault("BENCH_DB_PORT", "3306") + "/" + env.getOrDefault("BENCH_DB_NAME", "onshore");
        var password = java.nio.file.Files.readString(java.nio.file.Path.of(env.get("BENCH_DB_PASSWORD_FILE"))).strip();
        try (var connection = DriverManager.getConnection(url, env.getOrDefault("BENCH_DB_USER", "onshore"), password);
                var statement = connection.createStatement()) {
            for (var sql : args) {
                if (statement.execute(sql)) {
                    try (var rows = statement.getResultSet()) {
                        var columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            var line = new StringBuilder();
                            for (int i = 1; i <= columns; i++) {
                                line.append(i > 1 ? "\t" : "").append(rows.getString(i));
                            }
                            System.out.println(line);
                        }
                    }
                }
            }
        }
    }
}
