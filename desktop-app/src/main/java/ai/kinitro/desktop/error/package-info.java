/** The uncaught-exception dialog. */
package ai.kinitro.desktop.error;
