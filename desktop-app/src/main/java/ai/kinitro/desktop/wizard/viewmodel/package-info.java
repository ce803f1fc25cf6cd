/** The wizard's step state machine and its form state; no controls (checked by ArchitectureTest). */
package ai.kinitro.desktop.wizard.viewmodel;
