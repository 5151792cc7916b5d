package se.fyren.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.http.EnableRedisHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Cluster mode: staff HTTP sessions (their login) live in Redis through
 * Spring Session, so a counsellor logged in through one node is recognised
 * by every node and the load balancer needs no sticky sessions. The sessions
 * hold the staff member's login and CSRF token only; they expire after 30
 * minutes unused, like the servlet container's.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "fyren.store", havingValue = "redis")
@EnableRedisHttpSession(redisNamespace = "${fyren.redis.key-prefix:fyren:}staff-session")
class RedisStaffSessions {

	/** The same cookie as in embedded mode: HttpOnly, SameSite=Strict, named JSESSIONID. */
	@Bean
	CookieSerializer staffSessionCookie() {
		DefaultCookieSerializer cookie = new DefaultCookieSerializer();
		cookie.setCookieName("JSESSIONID");
		cookie.setUseHttpOnlyCookie(true);
		cookie.setSameSite("Strict");
		return cookie;
	}

}
