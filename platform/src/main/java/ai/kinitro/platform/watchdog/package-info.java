/**
 * The parent watchdog, packaged alone as {@code kinitro-platform-watchdog.jar} and loaded into every
 * Java service the supervisor starts with {@code -javaagent:...=<supervisor pid>}. It must not use
 * any other class of ours or any library: the agent jar contains only this package.
 */
package ai.kinitro.platform.watchdog;
