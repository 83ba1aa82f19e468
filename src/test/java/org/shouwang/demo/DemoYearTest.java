package org.shouwang.demo;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application with the demo campus in its academic-year mode (the demo year at the
 * seed's scale, see {@link DemoYear}), in a Spring context and on a database of its own, apart from
 * the shared {@link org.shouwang.IntegrationTest} one: a separate in-memory H2, or on PostgreSQL
 * (DB_URL) a database named after DB_URL's with {@code _year}, dropped and created anew for the run
 * ({@link DemoYearDatabase}). A campus of 600 students keeps it quick; the year's requests and
 * activities are the full figures. The clock is a {@link org.shouwang.TestClock} (the demo year ends on its today). Every test class carrying this annotation shares the one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shouwang.demo.academic-year=true", "shouwang.demo.students=600"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(DemoYearClock.class)
@ContextConfiguration(initializers = DemoYearDatabase.class)
public @interface DemoYearTest {
}
