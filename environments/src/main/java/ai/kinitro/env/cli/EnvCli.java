package ai.kinitro.env.cli;

import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.env.EnvSpec;
import ai.kinitro.env.Environment;
import ai.kinitro.env.EnvironmentRegistry;
import ai.kinitro.env.ResetOptions;
import ai.kinitro.env.RgbImage;
import ai.kinitro.env.ScriptedPolicies;
import ai.kinitro.env.Space;
import ai.kinitro.env.StepResult;
import ai.kinitro.env.Tensor;
import ai.kinitro.env.policy.EpisodeRunner;
import ai.kinitro.env.policy.EpisodeSummary;
import ai.kinitro.env.policy.Policy;
import ai.kinitro.env.policy.RandomPolicy;
import ai.kinitro.env.render.GifWriter;
import ai.kinitro.env.render.PngEncoder;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kinitro env ...}: list, run and replay environments on this machine. */
@Command(name = "env", mixinStandardHelpOptions = true, description = "List, run and replay Kinitro environments.",
    subcommands = {EnvCli.ListEnvs.class, EnvCli.Run.class, EnvCli.Replay.class})
public final class EnvCli {
  static final JsonMapper JSON = JsonMapper.builder().build();

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new EnvCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof KinitroException ke) {
        commandLine.getErr().println("error[" + ke.code().number() + " " + ke.code() + "]: " + ke.getMessage());
        return ke.code().category() == ai.kinitro.common.error.ErrorCategory.USER ? 2 : 1;
      }
      commandLine.getErr().println("error: " + e);
      return 1;
    });
    return cli.execute(args);
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered environment ids.")
  static final class ListEnvs implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      List<EnvSpec> specs = EnvironmentRegistry.standard().specs();
      if (json) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (EnvSpec s : specs) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("id", s.id().toString());
          row.put("description", s.description());
          row.put("action_space", s.actionSpace().toString());
          row.put("max_episode_steps", s.maxEpisodeSteps());
          row.put("cameras", s.cameras());
          row.put("scripted_expert", ScriptedPolicies.forEnv(s.id().toString()).isPresent());
          rows.add(row);
        }
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows));
      } else {
        for (EnvSpec s : specs) {
          out.printf(Locale.ROOT, "%-38s %5d steps  %s%n", s.id(), s.maxEpisodeSteps(), s.description());
        }
      }
      return 0;
    }
  }

  @Command(name = "run", mixinStandardHelpOptions = true,
      description = "Run episodes with the scripted expert or a random policy; print metrics; optionally save frames.")
  static final class Run implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment id, e.g. classic/CartPole-v1.")
    String env;

    @Option(names = "--agent", defaultValue = "scripted", description = "scripted or random (default: ${DEFAULT-VALUE}).")
    String agent;

    @Option(names = "--episodes", defaultValue = "5", description = "Number of episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the first episode; episode i uses seed+i.")
    long seed;

    @Option(names = "--frames", description = "Directory for PNG frames and an animated GIF of the first episode.")
    Path frames;

    @Option(names = "--camera", description = "Camera for frames (default: the environment's first camera).")
    String camera;

    @Option(names = "--size", defaultValue = "240", description = "Frame size in pixels (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      if (episodes < 1) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--episodes must be at least 1");
      }
      List<EpisodeSummary> results = new ArrayList<>();
      try (Environment environment = EnvironmentRegistry.standard().create(env)) {
        String cam = camera != null ? camera : environment.spec().cameras().getFirst();
        for (int i = 0; i < episodes; i++) {
          Policy policy = policy(environment.spec(), seed + i);
          List<RgbImage> captured = new ArrayList<>();
          EpisodeRunner.StepObserver observer = i == 0 && frames != null
              ? (step, action, result) -> captured.add(environment.render(cam, size, size))
              : EpisodeRunner.StepObserver.NONE;
          EpisodeSummary summary = EpisodeRunner.run(environment, policy, seed + i, ResetOptions.DEFAULT, observer);
          results.add(summary);
          err.printf(Locale.ROOT, "episode %d/%d  seed %d  reward %.3f  steps %d  %s%n", i + 1, episodes, summary.seed(),
              summary.totalReward(), summary.steps(), summary.success() ? "success" : "no success");
          if (!captured.isEmpty()) {
            writeFrames(captured, err);
          }
        }
      }
      Map<String, Object> summary = new LinkedHashMap<>();
      summary.put("env", env);
      summary.put("agent", agent);
      summary.put("episodes", results.size());
      summary.put("success_rate", results.stream().filter(EpisodeSummary::success).count() / (double) results.size());
      summary.put("mean_reward", results.stream().mapToDouble(EpisodeSummary::totalReward).average().orElse(0));
      summary.put("mean_steps", results.stream().mapToInt(EpisodeSummary::steps).average().orElse(0));
      if (json) {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
      } else {
        out.printf(Locale.ROOT, "%s with %s agent: %d episodes, success rate %.2f, mean reward %.3f, mean steps %.1f%n",
            env, agent, results.size(), summary.get("success_rate"), summary.get("mean_reward"), summary.get("mean_steps"));
      }
      return 0;
    }

    private Policy policy(EnvSpec spec, long episodeSeed) {
      return switch (agent) {
        case "random" -> new RandomPolicy(spec.actionSpace(), episodeSeed);
        case "scripted" -> ScriptedPolicies.forEnv(env).orElseThrow(() -> new KinitroException(ErrorCode.NOT_FOUND,
            "There is no scripted expert for " + env + "; use --agent random"));
        default -> throw new KinitroException(ErrorCode.INVALID_ARGUMENT,
            "--agent must be 'scripted' or 'random' (submitted agents run through kinitro-miner local-eval)");
      };
    }

    private void writeFrames(List<RgbImage> captured, PrintWriter err) throws IOException {
      Files.createDirectories(frames);
      for (int f = 0; f < captured.size(); f++) {
        Files.write(frames.resolve(String.format(Locale.ROOT, "frame_%05d.png", f + 1)), PngEncoder.encode(captured.get(f)));
      }
      Path gif = frames.resolve("episode.gif");
      try (OutputStream o = Files.newOutputStream(gif)) {
        GifWriter.write(captured, 50, o);
      }
      err.printf(Locale.ROOT, "wrote %d PNG frames and %s%n", captured.size(), gif);
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = {"Replay an episode from an initial state and a list of actions, printing one JSON line per step.",
          "--state is a JSON array (the vector env.state() returns) or @FILE; --actions FILE holds a JSON array",
          "of actions (a number for discrete spaces, an array for boxes) or one action per line."})
  static final class Replay implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--env", required = true, description = "Environment id.")
    String env;

    @Option(names = "--state", description = "Initial state as a JSON array, or @FILE. Without it, --seed is used.")
    String state;

    @Option(names = "--seed", defaultValue = "0", description = "Seed when no --state is given.")
    long seed;

    @Option(names = "--actions", required = true, description = "File with the actions.")
    Path actions;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Environment environment = EnvironmentRegistry.standard().create(env)) {
        ResetOptions options = state == null ? ResetOptions.DEFAULT : ResetOptions.fromState(parseState(state));
        Map<String, Tensor> first = environment.reset(seed, options);
        out.println(JSON.writeValueAsString(line(0, first, null)));
        int step = 0;
        for (JsonNode action : readActions(actions)) {
          StepResult result = environment.step(toAction(environment.spec().actionSpace(), action));
          step++;
          out.println(JSON.writeValueAsString(line(step, result.observation(), result)));
          if (result.done()) {
            break;
          }
        }
      }
      return 0;
    }

    private static Map<String, Object> line(int step, Map<String, Tensor> observation, StepResult result) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("step", step);
      Map<String, Object> obs = new LinkedHashMap<>();
      observation.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> obs.put(e.getKey(), values(e.getValue())));
      row.put("observation", obs);
      if (result != null) {
        row.put("reward", result.reward());
        row.put("terminated", result.terminated());
        row.put("truncated", result.truncated());
        row.put("success", result.success());
      }
      return row;
    }

    private static Object values(Tensor t) {
      return switch (t) {
        case Tensor.Float32 f -> f.data();
        case Tensor.Float64 d -> d.data();
        case Tensor.Int64 l -> l.data();
        case Tensor.UInt8 u -> "uint8" + java.util.Arrays.toString(u.shape());
      };
    }

    private static double[] parseState(String text) throws IOException {
      String json = text.startsWith("@") ? Files.readString(Path.of(text.substring(1))) : text;
      JsonNode node = parse(json, "--state");
      if (!node.isArray()) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--state must be a JSON array of numbers");
      }
      double[] values = new double[node.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = node.get(i).asDouble();
      }
      return values;
    }

    /** A JSON array of actions, or (when the file is not one JSON value) one action per line. */
    private static List<JsonNode> readActions(Path file) throws IOException {
      String text = Files.readString(file).strip();
      List<JsonNode> list = new ArrayList<>();
      JsonNode whole = null;
      try {
        whole = JSON.readTree(text);
      } catch (RuntimeException notOneValue) {
        // one action per line
      }
      if (whole != null && whole.isArray()) {
        whole.forEach(list::add);
        return list;
      }
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          list.add(parse(line, "--actions"));
        }
      }
      return list;
    }

    private static JsonNode parse(String json, String what) {
      try {
        return JSON.readTree(json);
      } catch (RuntimeException e) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, what + " is not valid JSON: " + e.getMessage());
      }
    }

    private static Tensor toAction(Space space, JsonNode action) {
      return switch (space) {
        case Space.Discrete d -> Tensor.scalar(action.asLong());
        case Space.Box box -> {
          int n = box.low().length;
          double[] values = new double[n];
          if (action.isNumber() && n == 1) {
            values[0] = action.asDouble();
          } else if (action.isArray() && action.size() == n) {
            for (int i = 0; i < n; i++) {
              values[i] = action.get(i).asDouble();
            }
          } else {
            throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "Action " + action + " does not have " + n + " values");
          }
          if (box.dtype() == ai.kinitro.env.DType.FLOAT64) {
            yield new Tensor.Float64(box.shape(), values);
          }
          float[] narrow = new float[n];
          for (int i = 0; i < n; i++) {
            narrow[i] = (float) values[i];
          }
          yield new Tensor.Float32(box.shape(), narrow);
        }
      };
    }
  }
}
