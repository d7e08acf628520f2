package township.rollup.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * An IT (class or test) that runs again on PostgreSQL: the {@code postgresql} failsafe execution in
 * pom.xml runs only tests tagged so. Every IT runs on HSQLDB; what the store does on PostgreSQL is
 * covered in-process by the {@code *FunctionalTests} (run on PostgreSQL by surefire), so an IT carries
 * this only for what those cannot reach, and says why where it is put.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Tag(AlsoOnPostgresql.TAG)
public @interface AlsoOnPostgresql {

	/** The tag that pom.xml's postgresql failsafe execution selects ({@code <groups>}). */
	String TAG = "postgresql";

}
