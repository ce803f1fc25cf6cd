package ai.kinitro.backend.support;

import ai.kinitro.env.DType;
import ai.kinitro.env.EnvId;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentFactory;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.Space;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A small environment registry for backend tests ({@code classic/CartPole-v1} with camera {@code default},
 * {@code manipulation/reach-v1} with cameras {@code front}/{@code side}), independent of what the
 * shipped registry contains at any moment.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestEnvironments {
  public static final String CARTPOLE = "classic/CartPole-v1";
  public static final String REACH = "manipulation/reach-v1";

  @Bean
  @Primary
  EnvironmentRegistry testEnvironmentRegistry() {
    return registry();
  }

  @Bean
  EventRecorder eventRecorder() {
    return new EventRecorder();
  }

  @Bean
  Fixtures fixtures(ai.kinitro.backend.ids.IdGenerator ids, java.time.Clock clock, ai.kinitro.backend.competition.CompetitionService competitions,
      ai.kinitro.backend.submission.SubmissionUploadRepository uploads, ai.kinitro.backend.submission.SubmissionRepository submissions,
      ai.kinitro.backend.job.JobService jobs, ai.kinitro.backend.job.JobAssignmentRepository assignments,
      ai.kinitro.backend.result.ResultRepository results, ai.kinitro.backend.validator.ValidatorRepository validators,
      org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    return new Fixtures(ids, clock, competitions, uploads, submissions, jobs, assignments, results, validators, jdbc);
  }

  public static EnvironmentRegistry registry() {
    return new EnvironmentRegistry(List.of(
        factory(CARTPOLE, 500, List.of("default")),
        factory(REACH, 200, List.of("front", "side"))));
  }

  private static EnvironmentFactory factory(String id, int maxSteps, List<String> cameras) {
    EnvSpec spec = new EnvSpec(EnvId.parse(id), Map.of("state", Space.Box.uniform(DType.FLOAT32, new int[] {4}, -10, 10)),
        Space.Box.uniform(DType.FLOAT32, new int[] {1}, -1, 1), maxSteps, cameras, "test environment " + id);
    return new EnvironmentFactory() {
      @Override
      public EnvSpec spec() {
        return spec;
      }

      @Override
      public Environment create() {
        throw new UnsupportedOperationException("backend tests never run environments");
      }
    };
  }
}
