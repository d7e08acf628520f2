package township.rollup.batch;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The jobs and what they share, listed instead of found by scanning the class path (start-up time). */
@Configuration(proxyBeanMethods = false)
@Import({ DomainConfiguration.class, ConsolidationJobConfiguration.class, FaultPoints.class, Progress.class,
		RunHistory.class, RunInputsHolder.class })
public class BatchConfiguration {

}
