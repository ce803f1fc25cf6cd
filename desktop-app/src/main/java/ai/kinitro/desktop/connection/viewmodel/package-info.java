/** View model of the connection-profile editor. */
package ai.kinitro.desktop.connection.viewmodel;
