/** View models of the shell: state as properties, no controls (checked by ArchitectureTest). */
package ai.kinitro.desktop.shell.viewmodel;
