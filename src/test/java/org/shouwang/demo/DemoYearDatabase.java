package org.shouwang.demo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database of {@link DemoYearTest}: without DB_URL an in-memory H2 of its own; with a
 * PostgreSQL DB_URL, the database of that name plus {@code _year} on the same server, dropped and
 * created anew (through the server's {@code postgres} database) before the context starts.
 */
public class DemoYearDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String H2 = "jdbc:h2:mem:shouwang-year;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";

    private static final Pattern POSTGRES = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(\\?.*)?$");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of("spring.datasource.url=" + url()).applyTo(context);
    }

    static String url() {
        String base = System.getenv("DB_URL");
        if (base == null || base.isBlank()) {
            return H2;
        }
        Matcher m = POSTGRES.matcher(base);
        if (!m.matches()) {
            throw new IllegalStateException("DB_URL is not a PostgreSQL URL: " + base);
        }
        String name = m.group(2) + "_year";
        String params = m.group(3) == null ? "" : m.group(3);
        String user = System.getenv("DB_USER") == null ? "postgres" : System.getenv("DB_USER");
        String password = System.getenv("DB_PASSWORD") == null ? "" : System.getenv("DB_PASSWORD");
        try (Connection c = DriverManager.getConnection(m.group(1) + "postgres" + params, user, password);
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
            s.execute("CREATE DATABASE \"" + name + "\"");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the demo year's database " + name, e);
        }
        return m.group(1) + name + params;
    }
}
