package ai.kinitro.backend.web;

import ai.kinitro.backend.apikey.ApiKeyAuthInterceptor;
import ai.kinitro.backend.apikey.ApiProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the API-key interceptor and CORS for browsers (dashboards). */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {
  private final ApiKeyAuthInterceptor auth;
  private final ApiProperties api;

  public WebConfiguration(ApiKeyAuthInterceptor auth, ApiProperties api) {
    this.auth = auth;
    this.api = api;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(auth);
  }

  @Override
  public void addCorsMappings(CorsRegistry registry) {
    registry.addMapping("/**")
        .allowedOriginPatterns(api.corsAllowedOrigins().toArray(String[]::new))
        .allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
        .allowedHeaders("*");
  }
}
