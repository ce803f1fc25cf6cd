/**
 * The admin command line ({@code java -jar kinitro-backend.jar admin ...}): API keys and
 * competitions, working directly on the backend's database through the same services as the REST
 * API.
 */
package ai.kinitro.backend.cli;
