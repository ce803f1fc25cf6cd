package ai.kinitro.validator.weights;

import ai.kinitro.queue.BackgroundLoop;
import ai.kinitro.queue.notify.PgWakeups;
import ai.kinitro.validator.ManagedDuty;
import ai.kinitro.validator.config.ChainProperties;
import ai.kinitro.validator.config.ValidatorProperties;
import ai.kinitro.validator.config.WeightsProperties;
import ai.kinitro.validator.identity.ValidatorIdentity;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The weights store, inbox and duty; the lite poller in lite mode. */
@Configuration(proxyBeanMethods = false)
class WeightsConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(WeightsConfiguration.class);

  @Bean
  WeightsStore weightsStore(DataSource dataSource) {
    return new WeightsStore(dataSource);
  }

  @Bean
  WeightsInbox weightsInbox(WeightsStore store, PgWakeups wakeups, InstantSource clock) {
    return new WeightsInbox(store, wakeups, clock);
  }

  @Bean
  @ConditionalOnMissingBean
  WeightSetter weightSetter(ChainProperties chain) {
    LOG.warn("No chain client in this build: weight snapshots are stored but cannot be set on {}", chain.url());
    return new ChainUnavailableWeightSetter(chain.url());
  }

  @Bean
  WeightsService weightsService(WeightSetter chain, WeightsStore store, ValidatorIdentity identity, InstantSource clock,
      MeterRegistry metrics, ValidatorProperties validator, ChainProperties chainSettings, WeightsProperties settings) {
    return new WeightsService(chain, store, identity, clock, new SecureRandom(), metrics, validator.netuid(),
        chainSettings.versionKey(), settings.reapplyInterval());
  }

  @Bean
  ManagedDuty weightsDuty(WeightsService service, PgWakeups wakeups, WeightsProperties settings, MeterRegistry metrics) {
    AtomicReference<BackgroundLoop> loop = new AtomicReference<>();
    return new ManagedDuty("weights", ManagedDuty.WEIGHTS,
        () -> {
          if (settings.enabled()) {
            loop.set(BackgroundLoop.start("validator-weights", () -> {
              service.pollOnce();
              return false;
            }, () -> wakeups.await(WeightsInbox.WAKEUP, settings.checkInterval())));
            FunctionCounter.builder("kinitro.loop.failures", loop.get(), BackgroundLoop::failures).tag("loop", "validator-weights")
                .register(metrics);
          }
        },
        () -> {
          if (loop.get() != null) {
            loop.get().close();
          }
        });
  }

  @Bean
  @ConditionalOnProperty(name = "kinitro.validator.mode", havingValue = "lite")
  ManagedDuty litePollerDuty(WeightsStore store, PgWakeups wakeups, InstantSource clock, MeterRegistry metrics,
      ValidatorProperties validator, WeightsProperties settings) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(settings.liteRequestTimeout()).build();
    LiteWeightsPoller poller = new LiteWeightsPoller(http, settings.liteUrl(), settings.liteRequestTimeout(),
        settings.staleThreshold(), settings.litePollInterval(), settings.liteMaxBackoff(), validator.netuid(), store, wakeups,
        clock, metrics);
    AtomicReference<BackgroundLoop> loop = new AtomicReference<>();
    return new ManagedDuty("lite weights poller", ManagedDuty.WEIGHTS + 10,
        () -> loop.set(BackgroundLoop.start("validator-lite-weights", () -> {
          poller.pollOnce();
          return false;
        }, () -> Thread.sleep(poller.nextDelay()))),
        () -> {
          if (loop.get() != null) {
            loop.get().close();
          }
          http.close();
        });
  }
}
