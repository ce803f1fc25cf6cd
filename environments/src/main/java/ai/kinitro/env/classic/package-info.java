/**
 * Classic control with Gymnasium's exact dynamics: CartPole-v1, Pendulum-v1, MountainCar-v0,
 * MountainCarContinuous-v0 and Acrobot-v1 (ids {@code classic/...}). Same equations, constants,
 * integrators, float32 observations, rewards, termination, time limits and seeded reset draws;
 * sines and cosines are fdlibm's ({@link java.lang.StrictMath}) so every platform gives the same
 * bits. {@link ai.kinitro.env.classic.ClassicControl#factories()} lists them.
 */
package ai.kinitro.env.classic;
