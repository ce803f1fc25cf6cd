/**
 * A real S3-compatible server for tests: s3proxy run as its own process with a filesystem blob
 * store ({@link ai.kinitro.testsupport.s3.S3ProxyServer}).
 */
package ai.kinitro.testsupport.s3;
