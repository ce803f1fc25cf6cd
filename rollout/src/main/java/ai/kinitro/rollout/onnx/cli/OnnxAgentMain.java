package ai.kinitro.rollout.onnx.cli;

import ai.kinitro.common.agent.AgentServer;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import ai.kinitro.rollout.onnx.OnnxAgent;
import ai.kinitro.rollout.onnx.OnnxPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Kinitro's ONNX runner: {@code OnnxAgentMain --model FILE [--input NAME] [--output NAME] --host H
 * --port P}. Loads and checks the model, then serves it over the agent protocol until stopped. A
 * model that cannot be loaded or does not match the manifest ends the process at once with exit
 * status {@value #EXIT_INVALID_MODEL} and one line {@code error[<number> <NAME>]: <message>} on
 * standard error, which the evaluator shows with the start-up failure.
 */
public final class OnnxAgentMain {
  /** Exit status of a model that cannot be served. */
  public static final int EXIT_INVALID_MODEL = 3;
  /** Exit status of wrong arguments. */
  public static final int EXIT_USAGE = 2;

  private OnnxAgentMain() {}

  /** The runner's own options, and the rest (host and port) for the agent server. */
  record Options(Path model, String input, String output, List<String> serverArgs) {
    static Options parse(String... args) {
      Path model = null;
      String input = "state";
      String output = "action";
      List<String> rest = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--model", "--input", "--output" -> {
            if (i + 1 >= args.length) {
              throw new KinitroException(ErrorCode.INVALID_ARGUMENT, a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
              case "--model" -> model = Path.of(v);
              case "--input" -> input = v;
              default -> output = v;
            }
          }
          default -> rest.add(a);
        }
      }
      if (model == null) {
        throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--model FILE is required");
      }
      return new Options(model, input, output, List.copyOf(rest));
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (KinitroException e) {
      fail(e, EXIT_USAGE);
      return;
    }
    OnnxPolicy policy;
    try {
      policy = OnnxPolicy.load(options.model(), options.input(), options.output());
    } catch (KinitroException e) {
      fail(e, EXIT_INVALID_MODEL);
      return;
    } catch (RuntimeException | LinkageError e) {
      // e.g. the native library cannot be extracted or loaded
      fail(new KinitroException(ErrorCode.ONNX_MODEL_INVALID, "onnxruntime could not start: " + e), EXIT_INVALID_MODEL);
      return;
    }
    System.err.println("Serving ONNX model " + options.model().getFileName() + " (input '" + options.input()
        + "' of shape " + java.util.Arrays.toString(policy.inputShape()) + ", output '" + options.output() + "'"
        + (policy.dynamicBatch() ? ", batched" : "") + ")");
    AgentServer.serve(new OnnxAgent(policy, options.input(), options.model().getFileName().toString()),
        options.serverArgs().toArray(String[]::new));
  }

  private static void fail(KinitroException e, int status) {
    System.err.println("error[" + e.code().number() + " " + e.code().name() + "]: " + e.getMessage());
    System.err.flush();
    System.exit(status);
  }
}
