package ai.kinitro.validator.weights;

import ai.kinitro.common.chain.client.TxOptions;
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
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The weights store, inbox and duty; the lite poller in lite mode. */
@Configuration(proxyBeanMethods = false)
class WeightsConfiguration {
  @Bean
  WeightsStore weightsStore(DataSource dataSource) {
    return new WeightsStore(dataSource);
  }

  @Bean
  WeightsInbox weightsInbox(WeightsStore store, PgWakeups wakeups, InstantSource clock, ValidatorProperties validator,
      MeterRegistry metrics) {
    return new WeightsInbox(store, wakeups, clock, validator.netuid(), metrics);
  }

  /** The chain client, opened on first use (a node that is down at start must not stop the daemon). */
  @Bean(destroyMethod = "close")
  LazyChainClient chainClient(ChainProperties chain) {
    return new LazyChainClient(chain.url());
  }

  @Bean
  @ConditionalOnMissingBean
  WeightSetter weightSetter(LazyChainClient chain, ValidatorIdentity identity) {
    return new ChainClientWeightSetter(chain::get, identity.signer(), TxOptions.DEFAULT);
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
