/**
 * The manipulation suite, modelled on MetaWorld MT10: a Sawyer-like gripper driven by end-effector
 * position deltas, ten table-top tasks simulated with ode4j, MetaWorld-style 39-value
 * observations, dense shaped rewards, a success flag per step and camera images from our own
 * software renderer ({@code render}). Scripted experts live in {@code experts}.
 *
 * <p>ode4j keeps global state (its random generator, used by the constraint solver), so every
 * physics call goes through one process-wide lock and each environment saves and restores its own
 * generator state around a step: environments may live on different threads, but physics steps
 * run one at a time. Run parallel rollouts in separate processes for throughput.
 */
package ai.kinitro.env.manipulation;
