/** REST plumbing shared by the feature controllers: problem details, error-code → HTTP status mapping, pagination, text limits, admin marker, MVC configuration. */
package ai.kinitro.backend.web;
