package township.rollup.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.HttpEncodingAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.MultipartAutoConfiguration;
import org.springframework.boot.thymeleaf.autoconfigure.ThymeleafAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Import;

import township.rollup.TownshipRollupApplication;

/**
 * The portal: the same application as every command ({@link TownshipRollupApplication}: the database, the
 * jobs, the stores) with its web configuration added. Only {@code serve} starts it, with
 * {@code spring.main.web-application-type=servlet}; the commands never load a class of it.
 */
@SpringBootConfiguration
@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
		WebMvcAutoConfiguration.class, HttpEncodingAutoConfiguration.class, MultipartAutoConfiguration.class,
		ErrorMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
		SecurityFilterAutoConfiguration.class, ThymeleafAutoConfiguration.class })
@Import({ TownshipRollupApplication.class, PortalConfiguration.class })
public class PortalApplication {

}
