package se.fyren.security;

import java.util.stream.Collectors;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import se.fyren.staff.StaffDirectory;
import se.fyren.staff.StaffProperties.Account;

/**
 * Signs staff in through OpenID Connect: Spring loads the user, the mapping
 * gives roles and queues, and the staff directory remembers the account so
 * the console and the STOMP endpoint know them like a configured account.
 */
final class OidcStaffLogin implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService delegate = new OidcUserService();

	private final OidcStaffMapping mapping;

	private final OidcProperties properties;

	private final StaffDirectory directory;

	OidcStaffLogin(OidcProperties properties, StaffDirectory directory) {
		this.mapping = new OidcStaffMapping(properties);
		this.properties = properties;
		this.directory = directory;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
		OidcUser user = this.delegate.loadUser(request);
		Account account = this.mapping.account(user.getClaims());
		if (account == null || !this.directory.rememberSignedIn(account)) {
			throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
					"Not a Fyren staff member (no role for these groups, or the username is taken)", null));
		}
		return new DefaultOidcUser(
				account.roles()
					.stream()
					.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name()))
					.collect(Collectors.toSet()),
				user.getIdToken(), user.getUserInfo(), this.properties.usernameClaim());
	}

}
