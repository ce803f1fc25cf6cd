package ai.kinitro.validator.identity;

import ai.kinitro.validator.config.HotkeyProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the hotkey once at start; a missing or unreadable hotkey stops the daemon with a clear message. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {
  @Bean
  ValidatorIdentity validatorIdentity(HotkeyProperties settings) {
    return HotkeyLoader.load(settings, System.getenv(), Path.of(System.getProperty("user.home")));
  }
}
