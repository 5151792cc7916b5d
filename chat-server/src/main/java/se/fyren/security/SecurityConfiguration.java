package se.fyren.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffRole;
import se.fyren.system.OperationsEndpoints;

/**
 * HTTP security. Visitors need nothing: the widget, the visitor endpoint and
 * the session API are open, and they are never given a session or a CSRF
 * token. Staff log in with a form (rate-limited, with a lockout after repeated
 * failures); their console, API and WebSocket endpoint need a staff role.
 * Everything not named is denied. Every page gets a Content Security Policy
 * without inline script or style.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] CHAT_ROLES = { StaffRole.COUNSELLOR.name(), StaffRole.SUPERVISOR.name(),
			StaffRole.ADMIN.name() };

	private static final String[] OVERSIGHT_ROLES = { StaffRole.SUPERVISOR.name(), StaffRole.ADMIN.name() };

	/** No inline script or style anywhere; WebSockets only to Fyren itself. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties, LoginThrottle throttle,
			StaffSockets sockets, ObjectProvider<ClientRegistrationRepository> identityProviders, OidcProperties oidc,
			StaffDirectory directory) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		RequestMatcher widget = path.matcher("/widget/**");
		RequestMatcher visitorPaths = new OrRequestMatcher(widget, path.matcher("/api/visitor/**"),
				path.matcher("/ws/visitor"), path.matcher("/api/queues"), path.matcher("/api/letterbox/**"));
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(OperationsEndpoints.matcher())
			.permitAll()
			.requestMatchers("/", "/demo/**", "/widget/**", "/webjars/**", "/api/visitor/**", "/api/queues",
					"/api/letterbox", "/api/letterbox/**", "/ws/visitor", "/login", "/default-ui.css", "/error", "/favicon.ico", "/actuator/health",
					"/actuator/health/**")
			.permitAll()
			// Handover records for case workers; reports of concern and statistics for supervisors.
			.requestMatchers("/api/handovers/**")
			.hasRole(StaffRole.CASE_WORKER.name())
			.requestMatchers("/api/concerns/**", "/api/statistics/**")
			.hasRole(StaffRole.SUPERVISOR.name())
			// The dashboard and its figures are for supervisors (and admins) only; so is the audit log.
			.requestMatchers("/console/dashboard.html", "/api/supervision/**", "/api/audit/**")
			.hasAnyRole(OVERSIGHT_ROLES)
			.requestMatchers("/ws/staff")
			.hasAnyRole(CHAT_ROLES)
			.requestMatchers("/console/**", "/api/staff/**")
			.hasAnyRole(staffRoles())
			.anyRequest()
			.denyAll())
			// No authentication details (they hold the IP address): in cluster mode the session is kept in Redis.
			.formLogin((login) -> login.defaultSuccessUrl("/console/", true).authenticationDetailsSource((request) -> null))
			.addFilterBefore(throttle, UsernamePasswordAuthenticationFilter.class)
			.logout((logout) -> logout.addLogoutHandler(sockets))
			// A new session id at login, so a planted session cannot be taken over.
			.sessionManagement((sessions) -> sessions.sessionFixation((fixation) -> fixation.changeSessionId()))
			// The visitor API carries no cookie and no ambient credential: nothing to forge. Visitor paths
			// never see a CSRF token, so they never get an HTTP session for one.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(path.matcher("/api/visitor/**"), path.matcher("/api/letterbox/**"))
				.csrfTokenRepository(new StaffOnlyCsrfTokenRepository(visitorPaths)))
			.headers((headers) -> headers.frameOptions((frames) -> frames.disable())
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
				// The widget's chat frame may be shown by the embedding sites; nothing else may be framed.
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(widget, new StaticHeadersWriter(
						"Content-Security-Policy", CONTENT_SECURITY_POLICY + "; " + properties.widgetFrameAncestors())))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(widget),
						new StaticHeadersWriter("Content-Security-Policy",
								CONTENT_SECURITY_POLICY + "; frame-ancestors 'none'")))
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(widget),
						new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY))))
			// Scripts get a status code, not the login page.
			.exceptionHandling((errors) -> errors
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						path.matcher("/ws/**"))
				.defaultAuthenticationEntryPointFor(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
						path.matcher("/api/**")));
		// Sign-in through the municipality's identity provider, offered on the login page once configured.
		if (identityProviders.getIfAvailable() != null) {
			http.oauth2Login((login) -> login.defaultSuccessUrl("/console/", true)
				.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(new OidcStaffLogin(oidc, directory))));
		}
		return http.build();
	}

	/** The throttle runs inside the security chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<LoginThrottle> loginThrottleOutsideTheSecurityChain(LoginThrottle throttle) {
		FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(throttle);
		registration.setEnabled(false);
		return registration;
	}

	private static String[] staffRoles() {
		return java.util.Arrays.stream(StaffRole.values()).map(StaffRole::name).toArray(String[]::new);
	}

	@Bean
	UserDetailsService staffUsers(StaffDirectory directory) {
		return (username) -> directory.find(username)
			// Accounts from the identity provider have no password here.
			.filter((account) -> account.passwordHash() != null)
			.map((account) -> User.withUsername(account.username())
				.password(account.passwordHash())
				.roles(account.roles().stream().map(StaffRole::name).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("No such staff member"));
	}

	/** BCrypt by default ({@code {bcrypt}}), and any stronger scheme Spring Security knows by its prefix. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
