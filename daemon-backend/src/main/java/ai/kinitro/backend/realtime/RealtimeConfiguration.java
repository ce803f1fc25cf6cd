package ai.kinitro.backend.realtime;

import ai.kinitro.backend.ids.IdGenerator;
import ai.kinitro.backend.stats.GlobalStats;
import ai.kinitro.common.protocol.ProtocolCodec;
import ai.kinitro.common.protocol.realtime.RealtimeMessage;
import ai.kinitro.common.protocol.realtime.RealtimeProtocol;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/** Wires the realtime channel: hub, publisher, LISTEN connection, live stats and the {@code /ws/client} handler. */
@Configuration(proxyBeanMethods = false)
class RealtimeConfiguration {
  private final RealtimeConfig config;
  private final InitialState initialState;
  private final Clock clock;
  private final RealtimeHub hub = new RealtimeHub();

  RealtimeConfiguration(RealtimeConfig config, JdbcTemplate jdbc, GlobalStats stats, Clock clock) {
    this.config = config;
    this.initialState = new InitialState(jdbc, stats);
    this.clock = clock;
  }

  /** Frames between instances (any message type; events from NOTIFY). */
  static ProtocolCodec<RealtimeMessage> internalCodec() {
    return RealtimeProtocol.codecBuilder().build();
  }

  @Bean
  RealtimeHub realtimeHub() {
    return hub;
  }

  @Bean
  InitialState realtimeInitialState() {
    return initialState;
  }

  @Bean
  RealtimePublisher realtimePublisher(JdbcTemplate jdbc, IdGenerator ids) {
    return new RealtimePublisher(jdbc, internalCodec(), config, clock, ids::next);
  }

  @Bean
  DomainEventBridge realtimeDomainEventBridge(RealtimePublisher publisher, JdbcTemplate jdbc) {
    return new DomainEventBridge(publisher, jdbc);
  }

  @Bean
  StatsBroadcaster realtimeStatsBroadcaster(GlobalStats stats) {
    return new StatsBroadcaster(stats::compute, hub, config.statsInterval());
  }

  @Bean
  RealtimeListener realtimeListener(DataSource dataSource, StatsBroadcaster stats) {
    return new RealtimeListener(dataSource, hub, internalCodec(), config, stats);
  }

  /**
   * The {@code /ws/client} endpoint: only in a servlet web application (the admin command line
   * starts the same context without a web server, and WebSocket support needs a ServletContext).
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @EnableWebSocket
  static class Endpoint implements WebSocketConfigurer {
    private final RealtimeConfiguration realtime;

    Endpoint(RealtimeConfiguration realtime) {
      this.realtime = realtime;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
      registry.addHandler(new RealtimeChannelHandler(realtime.hub, RealtimeProtocol.serverCodec(), realtime.config,
          realtime.initialState, realtime.clock), RealtimeProtocol.PATH).setAllowedOriginPatterns("*");
    }
  }
}
