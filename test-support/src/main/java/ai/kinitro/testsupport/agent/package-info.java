/** Agent projects for tests: the Java template built without Maven. */
package ai.kinitro.testsupport.agent;
