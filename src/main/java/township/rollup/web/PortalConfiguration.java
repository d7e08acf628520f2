package township.rollup.web;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import township.rollup.batch.RunHistory;
import township.rollup.cli.JobRunner;
import township.rollup.cli.YearReopening;
import township.rollup.cli.RollupProperties;
import township.rollup.i18n.Language;
import township.rollup.store.AccountStore;
import township.rollup.store.AuditStore;
import township.rollup.store.ExplanationStore;
import township.rollup.store.ReceivedFileStore;
import township.rollup.store.ReturnStore;
import township.rollup.store.SubmissionStore;
import township.rollup.store.UnitRecordStore;
import township.rollup.store.StatusStore;
import township.rollup.store.UploadStore;
import township.rollup.store.YearStateStore;

/**
 * The portal's web configuration: who may reach what, the security headers and cookies, the sign-in and
 * its throttle, and the portal's services, listed instead of scanned (as the rest of the application).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
// the upload path: the portal's alone, so the commands' start-up does not make it
@org.springframework.context.annotation.Import(township.rollup.batch.SentFileIngest.class)
public class PortalConfiguration implements WebMvcConfigurer {

	/**
	 * No script at all (every page works without JavaScript), styles only from the portal's own sheet,
	 * forms only to the portal, never inside a frame.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'none'; style-src 'self'; "
			+ "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	/** The pages anyone may reach without signing in. */
	static final String[] PUBLIC = { "/login", "/portal.css", "/portal.svg", "/error" };

	@Bean
	SecurityFilterChain portalSecurity(HttpSecurity http, SignInEvents events, PortalUsers users,
			SignInThrottle throttle, PortalSettings settings) throws Exception {
		http.addFilterBefore(new SignInAddressFilter(throttle, settings),
				org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
			.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC).permitAll().anyRequest().authenticated())
			.userDetailsService(users)
			.formLogin(f -> f.loginPage("/login").successHandler(events).failureHandler(events).permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?out").deleteCookies("JSESSIONID"))
			// a new session id at sign-in: a session id known before it is worth nothing after it
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny()));
		return http.build();
	}

	@Bean
	PortalSettings portalSettings(RollupProperties settings, @Value("${rollup.portal.year:0}") int year,
			@Value("${" + Language.PUBLISH_SETTING + ":zh}") String language) {
		return new PortalSettings(settings, year, Language.of(language, Language.PUBLISH_SETTING));
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return Accounts.encoder();
	}

	@Bean
	Accounts accounts(AccountStore store, AuditStore audit, Clock clock) {
		return new Accounts(store, audit, clock);
	}

	@Bean
	SignInThrottle signInThrottle(AuditStore audit, Clock clock,
			@Value("${" + SignInThrottle.ADDRESS_FAILURES_SETTING + ":" + SignInThrottle.ADDRESS_FAILURES + "}") int addressFailures,
			RollupProperties rollup) {
		if (addressFailures < SignInThrottle.FAILURES) {
			throw new township.rollup.run.ConfigurationException(rollup.messages()
				.get("config.portal.address-failures", SignInThrottle.ADDRESS_FAILURES_SETTING, addressFailures,
						SignInThrottle.FAILURES), null);
		}
		return new SignInThrottle(audit, clock, addressFailures);
	}

	/** The forwarded address, believed from the configured proxies only ({@link TrustedProxies}). */
	@Bean
	org.springframework.boot.web.server.WebServerFactoryCustomizer<org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory> trustedProxies(
			@Value("${" + TrustedProxies.SETTING + ":}") String proxies, RollupProperties rollup) {
		var valve = TrustedProxies.valve(TrustedProxies.parse(proxies, rollup.messages()));
		return factory -> valve.ifPresent(factory::addEngineValves);
	}

	@Bean
	SignInEvents signInEvents(SignInThrottle throttle, AuditStore audit, AccountStore accounts,
			PortalSettings settings) {
		return new SignInEvents(throttle, audit, accounts, settings);
	}

	@Bean
	PortalUsers portalUsers(AccountStore accounts, SignInThrottle throttle) {
		return new PortalUsers(accounts, throttle);
	}

	@Bean
	PortalJobs portalJobs(JobRunner runner) {
		return new PortalJobs(runner);
	}

	@Bean
	NightlyHandOver nightlyHandOver(RollupProperties rollup, PortalJobs jobs) {
		return new NightlyHandOver(rollup, jobs);
	}

	@Bean
	NightlySchedule nightlySchedule(@Value("${rollup.schedule.nightly:}") String expression, RollupProperties rollup,
			PortalJobs jobs, PortalSettings settings) {
		return new NightlySchedule(expression, rollup.times().zone(), jobs, settings.year());
	}

	@Bean
	Submissions submissions(PortalSettings settings, PortalJobs jobs, UploadStore uploads, AuditStore audit,
			YearStateStore years, Clock clock, township.rollup.batch.SentFileIngest ingest,
			township.rollup.rules.RuleCatalogue catalogue, township.rollup.reportformat.ReportFormats formats) {
		return new Submissions(settings, jobs, uploads, audit, years, clock, ingest, catalogue, formats);
	}

	@Bean
	UnitPage unitPage(PortalSettings settings, UnitRecordStore records, SubmissionStore submissions,
			UploadStore uploads, ReturnStore returns, PortalExplanations explanations, Clock clock) {
		return new UnitPage(settings, records, submissions, uploads, returns, explanations, clock);
	}

	@Bean
	PortalExplanations portalExplanations(PortalSettings settings, PortalJobs jobs, ExplanationStore explanations,
			SubmissionStore submissions, UnitRecordStore records, ReceivedFileStore files, AuditStore audit,
			YearStateStore years, Clock clock, township.rollup.batch.SentFileIngest ingest, township.rollup.rules.RuleCatalogue catalogue,
			township.rollup.reportformat.ReportFormats formats) {
		return new PortalExplanations(settings, jobs, explanations, submissions, records, files, audit, years, clock,
				ingest, catalogue, formats);
	}

	@Bean
	ExplanationController explanationController(PortalSettings settings, UnitPage page,
			PortalExplanations explanations) {
		return new ExplanationController(settings, page, explanations);
	}

	@Bean
	BoardPage boardPage(PortalSettings settings, StatusStore status, UploadStore uploads, OfficeDesk desk, Clock clock) {
		return new BoardPage(settings, status, uploads, desk, clock);
	}

	@Bean
	Returns returns(PortalSettings settings, PortalJobs jobs, UnitRecordStore records, ReturnStore returns,
			AuditStore audit, YearStateStore years, Clock clock) {
		return new Returns(settings, jobs, records, returns, audit, years, clock);
	}

	@Bean
	NightlyNow nightlyNow(PortalSettings settings, PortalJobs jobs, AuditStore audit, Clock clock) {
		return new NightlyNow(settings, jobs, audit, clock);
	}

	@Bean
	OfficeDesk officeDesk(PortalSettings settings, RunHistory history, NightlySchedule schedule, NightlyNow now,
			YearStateStore years, Clock clock) {
		return new OfficeDesk(settings, history, schedule, now, years, clock);
	}

	@Bean
	OfficeController officeController(PortalSettings settings, UnitPage page, Returns returns, ReturnStore returned,
			NightlyNow now, OfficeDesk desk, YearReopening reopening, PortalJobs jobs, AuditStore audit, Clock clock) {
		return new OfficeController(settings, page, returns, returned, now, desk, reopening, jobs, audit, clock);
	}

	@Bean
	AuditPage auditPage(PortalSettings settings, AuditStore audit) {
		return new AuditPage(settings, audit);
	}

	@Bean
	PortalController portalController(PortalSettings settings, UnitPage page, Submissions submissions,
			BoardPage board, AuditPage audit) {
		return new PortalController(settings, page, submissions, board, audit);
	}

	@Bean
	SignInController signInController(Accounts accounts) {
		return new SignInController(accounts);
	}

	/** Before Spring Security, so that an over-size request is answered before any part of it is read. */
	@Bean
	FilterRegistrationBean<UploadLimit> uploadLimit() {
		FilterRegistrationBean<UploadLimit> registration = new FilterRegistrationBean<>(new UploadLimit());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	MessageSource messageSource() {
		return new CatalogueMessages();
	}

	/** A signed-in person's own language; the publication's for everyone else. */
	@Bean
	LocaleResolver localeResolver(PortalSettings settings) {
		return new LocaleResolver() {
			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				Authentication auth = SecurityContextHolder.getContext().getAuthentication();
				Language language = auth != null && auth.getPrincipal() instanceof PortalUser user ? user.language()
						: settings.language();
				return language.locale();
			}

			@Override
			public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
				// only a bug would call it: the portal has no control that switches the language
				throw new IllegalStateException("the language is the account's");
			}
		};
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// the public routes stay public: the password page needs its style sheet before the password is changed
		registry.addInterceptor(new PasswordFirst()).excludePathPatterns(PUBLIC);
	}

}
