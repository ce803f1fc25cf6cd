/**
 * The three operations of the local platform: {@link ai.kinitro.platform.run.LocalPlatform#up()}
 * (start, report, wait, stop on Ctrl-C), and {@link ai.kinitro.platform.run.PlatformControl}'s
 * {@code status} and {@code down}, which work from another terminal through {@code state.json}.
 * They report through {@link ai.kinitro.platform.run.Progress}; the command line prints it.
 */
package ai.kinitro.platform.run;
