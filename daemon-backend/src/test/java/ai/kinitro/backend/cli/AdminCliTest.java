package ai.kinitro.backend.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.kinitro.backend.competition.CompetitionRepository;
import ai.kinitro.backend.support.BackendIntegrationTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The admin command line over the shared test context (the launcher only adds a non-web Spring start). */
class AdminCliTest extends BackendIntegrationTest {
  @Autowired ApplicationContext context;
  @Autowired CompetitionRepository competitions;
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = AdminCli.commandLine(context, new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void aKeyCreatedOnTheCommandLineWorksOnTheAdminApiUntilDeactivated() {
    Run created = run("api-key", "create", "--name", "cli admin", "--role", "admin", "--expires", "2999-01-01");
    assertThat(created.exit()).as(created.err()).isZero();
    Matcher secret = Pattern.compile("api key: (\\S+)").matcher(created.out());
    Matcher id = Pattern.compile("id: +(\\d+)").matcher(created.out());
    assertThat(secret.find() && id.find()).isTrue();
    assertThat(api().get("/admin/api-keys", secret.group(1)).status()).isEqualTo(200);
    assertThat(run("api-key", "list").out()).contains(id.group(1)).contains("cli admin").doesNotContain(secret.group(1));

    assertThat(run("api-key", "deactivate", id.group(1)).exit()).isZero();
    assertThat(api().get("/admin/api-keys", secret.group(1)).status()).isEqualTo(401);
    assertThat(run("api-key", "activate", id.group(1)).exit()).isZero();
    assertThat(api().get("/admin/api-keys", secret.group(1)).status()).isEqualTo(200);
  }

  @Test
  void anUnknownRoleIsAUserErrorWithItsCode() {
    Run run = run("api-key", "create", "--name", "x", "--role", "superuser");
    assertThat(run.exit()).isEqualTo(AdminCli.EXIT_USER_ERROR);
    assertThat(run.err()).startsWith("error 1000 INVALID_ARGUMENT: Unknown role 'superuser'");
  }

  @Test
  void aCompetitionIsCreatedFromYaml() throws Exception {
    String name = "yaml " + UUID.randomUUID();
    Path file = dir.resolve("competition.yaml");
    Files.writeString(file, """
        name: "%s"
        points: 25
        min_success_rate: 0.6
        benchmarks:
          - name: cartpole
            suite: classic
            tasks: [classic/CartPole-v1]
            variants_per_task: 3
            episodes_per_task: 2
            max_episode_steps: 200
            cameras: [default]
            image_size: 96
        """.formatted(name));
    Run run = run("competition", "create", "--file", file.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    var stored = competitions.findByName(name).orElseThrow();
    assertThat(stored.points()).isEqualTo(25);
    assertThat(stored.minSuccessRate()).isEqualTo(0.6);
    assertThat(stored.benchmarks().tree().get(0).get("image_size").asInt()).isEqualTo(96);
  }

  @Test
  void aJsonFileIsValidatedLikeTheRestEndpoint() throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, """
        {"name": "json %s", "points": 1, "benchmarks": [{"name": "b", "suite": "classic", "tasks": ["classic/Nope-v1"],
         "variants_per_task": 1, "episodes_per_task": 1, "max_episode_steps": 10, "cameras": ["default"], "image_size": 84}]}
        """.formatted(UUID.randomUUID()));
    Run run = run("competition", "create", "--file", file.toString(), "--dry-run");
    assertThat(run.exit()).isEqualTo(AdminCli.EXIT_USER_ERROR);
    assertThat(run.err()).startsWith("error 1504 UNKNOWN_ENVIRONMENT");
  }
}
