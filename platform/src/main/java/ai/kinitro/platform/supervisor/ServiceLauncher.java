package ai.kinitro.platform.supervisor;

import java.io.IOException;

/** Starts one service and returns its handle without waiting for it to be healthy. */
@FunctionalInterface
public interface ServiceLauncher {
  ServiceHandle launch() throws IOException;
}
