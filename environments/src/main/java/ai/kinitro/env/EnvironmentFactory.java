package ai.kinitro.env;

/** Creates instances of one registered environment. */
public interface EnvironmentFactory {
  EnvSpec spec();

  Environment create();
}
