package se.fyren.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import se.fyren.staff.StaffRole;

/**
 * How staff who sign in through the municipality's OpenID Connect identity
 * provider become Fyren staff. The provider itself is configured with Spring
 * Boot's {@code spring.security.oauth2.client.registration.*} and
 * {@code provider.*} properties; sign-in through it is offered on the login
 * page as soon as a registration exists. A person whose groups give no role
 * is refused.
 *
 * @param usernameClaim the claim that becomes the Fyren username
 * @param displayNameClaim the claim shown to visitors as the counsellor's name
 * @param groupsClaim the claim listing the person's groups (a list of strings)
 * @param roles per Fyren role, the groups that give it
 * @param queues per queue id, the groups whose members serve it
 */
@ConfigurationProperties("fyren.security.oidc")
public record OidcProperties(@DefaultValue("preferred_username") String usernameClaim,
		@DefaultValue("given_name") String displayNameClaim, @DefaultValue("groups") String groupsClaim,
		Map<StaffRole, List<String>> roles, Map<String, List<String>> queues) {

	public OidcProperties {
		roles = (roles != null) ? Map.copyOf(roles) : Map.of();
		queues = (queues != null) ? Map.copyOf(queues) : Map.of();
	}

}
