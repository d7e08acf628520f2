package township.rollup.store;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The stores, listed instead of found by scanning the class path (start-up time). */
@Configuration(proxyBeanMethods = false)
@Import({ ConsolidatedStore.class, ContentPacks.class, FindingStore.class, JobRunStore.class, ReceivedFileStore.class, StatusStore.class,
		SubmissionStore.class, UnitRecordStore.class, YearStateStore.class, SchemaMigration.class, AccountStore.class,
		AuditStore.class, UploadStore.class, ReturnStore.class, ExplanationStore.class })
public class StoreConfiguration {

}
