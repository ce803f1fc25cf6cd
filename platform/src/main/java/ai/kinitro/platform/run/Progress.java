package ai.kinitro.platform.run;

/** Where the platform reports what it does, one line at a time (the console, or a list in tests). */
@FunctionalInterface
public interface Progress {
  void line(String text);
}
