package township.rollup.batch;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import township.rollup.reportformat.ReportFormats;
import township.rollup.rules.RuleCatalogue;
import township.rollup.run.RunInputs;

/**
 * The run's inputs as the launcher loaded and checked them, handed to the steps by the run's digest.
 * A job started without the launcher (a test) loads them once from its parameters.
 */
@Component
public class RunInputsHolder {

	private final Map<String, RunInputs> byDigest = new ConcurrentHashMap<>();

	private final RuleCatalogue catalogue;

	private final ReportFormats formats;

	public RunInputsHolder(RuleCatalogue catalogue, ReportFormats formats) {
		this.catalogue = catalogue;
		this.formats = formats;
	}

	public void put(String digest, RunInputs inputs) {
		byDigest.put(digest, inputs);
	}

	RunInputs of(Map<String, Object> jobParameters) {
		String digest = String.valueOf(jobParameters.get(RunParameters.INPUT_DIGEST));
		return byDigest.computeIfAbsent(digest, d -> {
			int year = ((Number) jobParameters.get(RunParameters.YEAR)).intValue();
			RunInputs.Locations where = new RunInputs.Locations(path(jobParameters, RunParameters.INBOX),
					path(jobParameters, RunParameters.REGISTRY), path(jobParameters, RunParameters.SETTINGS),
					path(jobParameters, RunParameters.OUTPUT_DIR),
					jobParameters.get(RunParameters.UNIT) == null ? null : jobParameters.get(RunParameters.UNIT).toString());
			return RunInputs.load(year, where, jobParameters.get(RunParameters.INBOX) != null, catalogue, formats);
		});
	}

	private static Path path(Map<String, Object> parameters, String name) {
		Object value = parameters.get(name);
		return value == null ? null : Path.of(value.toString());
	}

}
