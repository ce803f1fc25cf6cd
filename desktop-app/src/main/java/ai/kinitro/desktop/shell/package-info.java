/** The main window: navigation, pages, tool bar and status bar. */
package ai.kinitro.desktop.shell;
