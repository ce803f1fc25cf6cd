/** The single background-task abstraction of the desktop app. */
package ai.kinitro.desktop.task;
