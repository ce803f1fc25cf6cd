/** The architecture rules shared by every module, and the abstract test each module subclasses. */
package ai.kinitro.testsupport.architecture;
