package ai.kinitro.backend.cli;

import ai.kinitro.backend.competition.BenchmarkValidator;
import ai.kinitro.backend.competition.Competition;
import ai.kinitro.backend.competition.CompetitionRequest;
import ai.kinitro.backend.competition.CompetitionService;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** {@code admin competition create --file F}: the same body as {@code POST /competitions}, from JSON or YAML, validated the same way. */
@Command(name = "competition", mixinStandardHelpOptions = true, description = "Create competitions from files.")
public class CompetitionCommand {
  private final CompetitionService competitions;

  @Spec CommandSpec spec;

  public CompetitionCommand(CompetitionService competitions) {
    this.competitions = competitions;
  }

  @Command(name = "create", description = "Create a competition from a JSON (.json) or YAML (.yaml/.yml) file with the fields of POST /competitions.")
  int create(
      @Option(names = {"-f", "--file"}, required = true, description = "Competition definition") Path file,
      @Option(names = "--dry-run", description = "Only validate the file") boolean dryRun) {
    CompetitionRequest request = read(file);
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      competitions.validate(request);
      out.println("Valid: " + request.name());
    } else {
      Competition created = competitions.create(request);
      out.println("Created competition " + created.id() + " '" + created.name() + "'");
    }
    out.flush();
    return 0;
  }

  static CompetitionRequest read(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml")
        ? YAMLMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build()
        : JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    try {
      return mapper.readValue(Files.readString(file), CompetitionRequest.class);
    } catch (IOException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Cannot read " + file + ": " + e.getMessage());
    } catch (JacksonException e) {
      BenchmarkValidator.readFailure(e).ifPresent(benchmark -> {
        throw new KinitroException(benchmark.code(), file + ": " + benchmark.getMessage());
      });
      throw new KinitroException(ErrorCode.INVALID_REQUEST_BODY, file + " is not a valid competition definition: " + e.getOriginalMessage());
    }
  }
}
