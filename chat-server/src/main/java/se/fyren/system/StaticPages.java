package se.fyren.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Folder URLs of the static front ends serve their index page.
 */
@Configuration(proxyBeanMethods = false)
class StaticPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		for (String folder : new String[] { "/console", "/demo" }) {
			registry.addRedirectViewController(folder, folder + "/");
			registry.addViewController(folder + "/").setViewName("forward:" + folder + "/index.html");
		}
	}

}
