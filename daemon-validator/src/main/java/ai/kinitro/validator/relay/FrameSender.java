package ai.kinitro.validator.relay;

/** Sends one text frame on the current backend connection (blocking until written). */
@FunctionalInterface
public interface FrameSender {
  void send(String frame) throws InterruptedException;
}
