package se.fyren.security;

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
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffRole;
import se.fyren.system.OperationsEndpoints;

/**
 * HTTP security. Visitors need nothing: the widget, the visitor endpoint and
 * the session API are open. Staff log in with a form; their console, API and
 * WebSocket endpoint need a staff role. Everything not named is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	private static final String[] STAFF_ROLES = { StaffRole.COUNSELLOR.name(), StaffRole.SUPERVISOR.name() };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties,
			ObjectProvider<ClientRegistrationRepository> identityProviders, OidcProperties oidc,
			StaffDirectory directory) throws Exception {
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		RequestMatcher widget = path.matcher("/widget/**");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers(OperationsEndpoints.matcher())
			.permitAll()
			.requestMatchers("/", "/demo/**", "/widget/**", "/webjars/**", "/api/visitor/**", "/api/queues",
					"/ws/visitor", "/login", "/error", "/favicon.ico", "/actuator/health", "/actuator/health/**")
			.permitAll()
			// The dashboard and its figures are for supervisors only.
			.requestMatchers("/console/dashboard.html", "/api/supervision/**")
			.hasRole(StaffRole.SUPERVISOR.name())
			// Case workers use the console's inbox, not live chats.
			.requestMatchers("/console/**", "/api/staff/me")
			.hasAnyRole(StaffRole.COUNSELLOR.name(), StaffRole.SUPERVISOR.name(), StaffRole.CASE_WORKER.name())
			.requestMatchers("/console/**", "/ws/staff", "/api/staff/**")
			.hasAnyRole(STAFF_ROLES)
			.requestMatchers("/api/handovers/**")
			.hasRole(StaffRole.CASE_WORKER.name())
			.requestMatchers("/api/concerns/**", "/api/statistics/**")
			.hasRole(StaffRole.SUPERVISOR.name())
			.anyRequest()
			.denyAll())
			// No authentication details (they hold the IP address): in cluster mode the session is kept in Redis.
			.formLogin((login) -> login.defaultSuccessUrl("/console/", true).authenticationDetailsSource((request) -> null))
			// The visitor API carries no cookie and no ambient credential: nothing to forge.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(path.matcher("/api/visitor/**")))
			// The widget's chat frame may be shown by the embedding sites; nothing else may be framed.
			.headers((headers) -> headers.frameOptions((frames) -> frames.disable())
				.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(widget,
						new StaticHeadersWriter("Content-Security-Policy", properties.widgetFrameAncestors())))
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
