package ai.kinitro.backend.cli;

import ai.kinitro.backend.apikey.ApiKey;
import ai.kinitro.backend.apikey.ApiKeyRole;
import ai.kinitro.backend.apikey.ApiKeyService;
import ai.kinitro.backend.apikey.CreatedApiKey;
import ai.kinitro.backend.apikey.NewApiKey;
import ai.kinitro.backend.web.Page;
import ai.kinitro.backend.web.Paging;
import ai.kinitro.common.error.ErrorCode;
import ai.kinitro.common.error.KinitroException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code admin api-key create|list|activate|deactivate}. */
@Command(name = "api-key", mixinStandardHelpOptions = true, description = "Create, list, activate and deactivate API keys.")
public class ApiKeyCommand {
  private final ApiKeyService keys;

  @Spec CommandSpec spec;

  public ApiKeyCommand(ApiKeyService keys) {
    this.keys = keys;
  }

  @Command(name = "create", description = "Create a key and print its secret (shown only this once).")
  int create(
      @Option(names = "--name", required = true, description = "A name to recognise the key by") String name,
      @Option(names = "--role", required = true, description = "admin, validator or viewer") String role,
      @Option(names = "--description", description = "Free text") String description,
      @Option(names = "--hotkey", description = "Bind the key to this validator hotkey (SS58)") String hotkey,
      @Option(names = "--expires", description = "Expiry: a date (YYYY-MM-DD, end of day UTC) or an ISO-8601 instant") String expires) {
    CreatedApiKey created = keys.create(new NewApiKey(name, description, ApiKeyRole.parse(role), hotkey, parseExpiry(expires)));
    PrintWriter out = spec.commandLine().getOut();
    out.println("id:      " + created.key().id());
    out.println("name:    " + created.key().name());
    out.println("role:    " + created.key().role().wireName());
    out.println("api key: " + created.secret());
    out.println("Store the key now: it is not shown again and only its hash is kept.");
    out.flush();
    return 0;
  }

  @Command(name = "list", description = "List keys (never their secrets).")
  int list(@Option(names = "--limit", defaultValue = "1000") int limit, @Option(names = "--offset", defaultValue = "0") long offset) {
    Page<ApiKey> page = keys.list(new Paging(limit, offset));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%-20s %-10s %-8s %-12s %-24s %s%n", "ID", "ROLE", "ACTIVE", "PREFIX", "EXPIRES", "NAME");
    for (ApiKey k : page.items()) {
      out.printf("%-20d %-10s %-8s %-12s %-24s %s%n", k.id(), k.role().wireName(), k.active() ? "yes" : "no", k.keyPrefix(),
          k.expiresAt() == null ? "-" : k.expiresAt().toString(), k.name());
    }
    out.printf("%d of %d keys%n", page.items().size(), page.total());
    out.flush();
    return 0;
  }

  @Command(name = "activate", description = "Activate a key.")
  int activate(@Parameters(paramLabel = "ID") long id) {
    keys.setActive(id, true);
    spec.commandLine().getOut().println("Key " + id + " activated");
    spec.commandLine().getOut().flush();
    return 0;
  }

  @Command(name = "deactivate", description = "Deactivate a key (it stops working at once).")
  int deactivate(@Parameters(paramLabel = "ID") long id) {
    keys.setActive(id, false);
    spec.commandLine().getOut().println("Key " + id + " deactivated");
    spec.commandLine().getOut().flush();
    return 0;
  }

  static Instant parseExpiry(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new KinitroException(ErrorCode.INVALID_ARGUMENT, "--expires '" + text + "' is neither YYYY-MM-DD nor an ISO-8601 instant");
    }
  }
}
