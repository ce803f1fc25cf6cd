package ai.kinitro.common.protocol;

/**
 * The two ends of a channel. The backend is the {@link #SERVER} on both channels; validators and
 * dashboards are {@link #CLIENT}s.
 */
public enum Peer {
  SERVER,
  CLIENT;

  /** The other end of the channel. */
  public Peer other() {
    return this == SERVER ? CLIENT : SERVER;
  }
}
