package ai.kinitro.env.policy;

/** The outcome of one episode: total reward, length, whether it succeeded at any step, how it ended. */
public record EpisodeSummary(long seed, double totalReward, int steps, boolean success, boolean terminated, boolean truncated) {}
